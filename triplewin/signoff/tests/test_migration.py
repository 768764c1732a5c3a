"""The apps' own sign-off rows move into the engine without loss, and back.

The project below went through the concept (two partner decisions) and the PID (a
certification and three approvals); both migrations are run backwards and forwards on them.
"""

from __future__ import annotations

import pytest

from tests.migrations import migrate
from triplewin.pid.tests import builders
from triplewin.signoff.models import SignOffAct

BEFORE = [("pid", "0001_initial"), ("concept", "0002_expected_prescribing_effect")]
AFTER = [("pid", "0002_sign_off_in_the_engine"), ("concept", "0003_sign_off_in_the_engine")]
# The summaries' own move comes later and is tested in their apps; stepping it back first
# keeps its models (related to the PID's) out of the states this test moves between.
SUMMARIES_BEFORE = [
    ("executive_summary", "0003_website_publication"),
    ("outcomes", "0002_sign_off_in_the_engine"),
]
SUMMARIES_AFTER = [
    ("executive_summary", "0004_certification_and_publication_in_the_engine"),
    ("outcomes", "0003_certification_and_publication_in_the_engine"),
]
KEPT = (
    *("project_id", "document", "version", "content_hash", "act", "body", "organisation_id"),
    *("role", "actor_id", "actor_label", "reason", "snapshot", "at"),
)


def _kept() -> list[tuple[object, ...]]:
    rows = SignOffAct.objects.filter(document__in=("pid", "concept")).values_list(*KEPT)
    return sorted(rows, key=str)


@pytest.mark.django_db(transaction=True)
def test_concept_and_pid_sign_off_survive_the_move_both_ways(
    submitted, signatory, nhs_lead, committees
):
    project = submitted.project
    builders.sign_off(project, signatory=signatory, team=nhs_lead, committees=committees)
    original = _kept()
    assert [row[1] for row in original].count("pid") == 4
    assert [row[1] for row in original].count("concept") == 2

    migrate(SUMMARIES_BEFORE)
    executor = migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    certifications = old.get_model("pid", "PidCertification").objects.all()
    approvals = old.get_model("pid", "PidApproval").objects.order_by("at")
    decisions = old.get_model("concept", "ConceptDecision").objects.order_by("at")
    assert [(c.certified_by_label, c.at) for c in certifications] == [
        (row[9], row[12]) for row in original if row[4] == "certify"
    ]
    assert [a.body for a in approvals] == ["project_team"] + ["governance_committee"] * 2
    assert all(d.decision == "approve" and d.snapshot for d in decisions)
    assert len(decisions) == 2
    assert not SignOffAct.objects.filter(document__in=("pid", "concept")).exists()

    migrate(AFTER)
    assert _kept() == original
    migrate(SUMMARIES_AFTER)
