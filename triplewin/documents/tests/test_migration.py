"""The heads of terms' certification and approvals move into the sign-off engine without loss."""

from __future__ import annotations

from typing import Any

import pytest

from tests.migrations import migrate
from triplewin.documents import services
from triplewin.documents.tests.test_heads_of_terms import fill
from triplewin.signoff.models import SignOffAct

BEFORE = [("documents", "0001_initial")]
AFTER = [("documents", "0002_sign_off_in_the_engine")]
KEPT = (
    *("project_id", "document", "subject", "version", "content_hash", "act", "body"),
    *("organisation_id", "actor_id", "actor_label", "at"),
)


def _kept() -> list[tuple[object, ...]]:
    return sorted(SignOffAct.objects.on("agreement").values_list(*KEPT), key=str)


@pytest.mark.django_db(transaction=True)
def test_heads_of_terms_sign_off_survives_the_move_both_ways(
    agreement_project: Any, nhs_lead: Any, signatory: Any, governance_member: Any
) -> None:
    fill(agreement_project, nhs_lead)
    services.document_generate(actor=nhs_lead, project=agreement_project, document="agreement")
    for person, act in (
        (signatory, services.document_certify),
        (nhs_lead, services.document_approve),
    ):
        act(actor=person, project=agreement_project, document="agreement", number=1)
    services.document_approve(
        actor=governance_member, project=agreement_project, document="agreement", number=1
    )
    original = _kept()
    assert sorted(str(row[5]) for row in original) == ["approve", "approve", "certify"]

    executor = migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    certification = old.get_model("documents", "DocumentCertification").objects.get()
    approvals = old.get_model("documents", "DocumentApproval").objects.all()
    assert certification.certified_by_id == signatory.pk
    assert {a.approved_by_id for a in approvals} == {nhs_lead.pk, governance_member.pk}
    assert not SignOffAct.objects.on("agreement").exists()

    migrate(AFTER)
    # Roles are left out of the comparison: the old tables never kept a partner's role.
    assert _kept() == original
