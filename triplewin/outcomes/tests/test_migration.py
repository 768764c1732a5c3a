"""The outcomes summary's approvals move into the sign-off engine without loss, and back."""

from __future__ import annotations

import pytest

from tests.migrations import migrate
from triplewin.outcomes.tests import builders
from triplewin.signoff.models import SignOffAct

BEFORE = [("outcomes", "0001_initial")]
AFTER = [("outcomes", "0002_sign_off_in_the_engine")]
LATEST = [("outcomes", "0003_certification_and_publication_in_the_engine")]
KEPT = (
    *("project_id", "subject", "version", "content_hash", "act", "body", "organisation_id"),
    *("role", "actor_id", "actor_label", "reason", "at"),
)


def _kept() -> list[tuple[object, ...]]:
    return sorted(SignOffAct.objects.on("outcomes").decisions().values_list(*KEPT), key=str)


@pytest.mark.django_db(transaction=True)
def test_outcomes_approvals_survive_the_move_both_ways(certified, nhs_lead, committees):
    builders.approve_all(certified, team=nhs_lead, committees=committees)
    original = _kept()
    assert len(original) == 3

    executor = migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    approvals = old.get_model("outcomes", "OutcomesApproval").objects.order_by("at")
    assert [a.body for a in approvals] == ["project_team"] + ["governance_committee"] * 2
    assert {a.content_hash for a in approvals} == {str(original[0][3])}
    assert not SignOffAct.objects.on("outcomes").exists()

    migrate(AFTER)
    assert _kept() == original
    migrate(LATEST)  # leave the schema as the other tests expect it
