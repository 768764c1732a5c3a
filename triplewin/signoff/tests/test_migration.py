"""The PID's own certification and approval rows move into the engine without loss, and back."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from triplewin.pid.tests import builders
from triplewin.signoff.models import SignOffAct

BEFORE = [("pid", "0001_initial")]
AFTER = [("pid", "0002_sign_off_in_the_engine")]
KEPT = (
    *("project_id", "version", "content_hash", "act", "body", "organisation_id", "role"),
    *("actor_id", "actor_label", "reason", "at"),
)


def _migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True)
def test_pid_sign_off_survives_the_move_both_ways(
    submitted, signatory, nhs_lead, committees, nhs_org
):
    project = submitted.project
    builders.sign_off(project, signatory=signatory, team=nhs_lead, committees=committees)
    original = sorted(SignOffAct.objects.values_list(*KEPT), key=str)
    assert len(original) == 4

    executor = _migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    certifications = old.get_model("pid", "PidCertification").objects.all()
    approvals = old.get_model("pid", "PidApproval").objects.order_by("at")
    assert [(c.certified_by_label, c.at) for c in certifications] == [
        (row[8], row[10]) for row in original if row[3] == "certify"
    ]
    assert [a.body for a in approvals] == ["project_team"] + ["governance_committee"] * 2
    assert not SignOffAct.objects.filter(document="pid").exists()

    _migrate(AFTER)
    assert sorted(SignOffAct.objects.values_list(*KEPT), key=str) == original
