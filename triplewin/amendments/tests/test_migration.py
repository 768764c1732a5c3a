"""An amendment's certification and approvals move into the sign-off engine without loss."""

from __future__ import annotations

import pytest

from tests.migrations import migrate
from triplewin.amendments.tests.fixtures import sign_off
from triplewin.signoff.models import SignOffAct

BEFORE = [("amendments", "0001_initial")]
AFTER = [("amendments", "0002_sign_off_in_the_engine")]
KEPT = (
    *("project_id", "subject", "version", "content_hash", "act", "body", "organisation_id"),
    *("role", "actor_id", "actor_label", "reason", "at"),
)


def _kept() -> list[tuple[object, ...]]:
    return sorted(SignOffAct.objects.on("amendment").values_list(*KEPT), key=str)


@pytest.mark.django_db(transaction=True)
def test_amendment_sign_off_survives_the_move_both_ways(
    submitted_amendment, signatory, nhs_lead, committees
):
    signed = sign_off(
        submitted_amendment, signatory=signatory, team=nhs_lead, committees=committees
    )
    original = _kept()
    assert sorted(str(row[4]) for row in original) == ["approve", "approve", "approve", "certify"]
    assert {row[1] for row in original} == {f"amendment-{signed.number}"}
    carried = SignOffAct.objects.on("pid").filter(version=2).count()

    executor = migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    certification = old.get_model("amendments", "AmendmentCertification").objects.get()
    approvals = old.get_model("amendments", "AmendmentApproval").objects.order_by("at")
    assert certification.amendment_id == signed.pk
    assert certification.content_hash == signed.content_hash
    assert [a.decision for a in approvals] == ["approve"] * 3
    assert not SignOffAct.objects.on("amendment").exists()
    # The PID version the amendment produced keeps the acts carried over to it.
    assert SignOffAct.objects.on("pid").filter(version=2).count() == carried == 4

    migrate(AFTER)
    assert _kept() == original
