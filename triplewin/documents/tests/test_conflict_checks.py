"""Certifying and approving a document signed off here are conflict-checked."""

from __future__ import annotations

from typing import Any

import pytest

from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.tests import checks
from triplewin.documents import services
from triplewin.documents.tests.test_heads_of_terms import fill
from triplewin.signoff.models import SignOffAct, SignOffActQuerySet

pytestmark = pytest.mark.django_db


def _refused_until_managed(
    project: Any,
    chair: Any,
    person: Any,
    service: Any,
    kind: str,
    action: str,
    made: SignOffActQuerySet,
) -> Any:
    def act() -> Any:
        return service(actor=person, project=project, document="agreement", number=1)

    def nothing_made() -> bool:
        return not made.exists()

    return checks.refused_until_managed(
        act,
        project=project,
        by=chair,
        person=person,
        decision=kind,
        action=action,
        nothing_recorded=nothing_made,
    )


def test_certifying_and_approving_heads_of_terms(
    agreement_project: Any, nhs_lead: Any, signatory: Any, governance_member: Any
) -> None:
    fill(agreement_project, nhs_lead)
    services.document_generate(actor=nhs_lead, project=agreement_project, document="agreement")
    project = checks.conflicted(agreement_project, lead=nhs_lead, person=signatory)
    checks.declare_interest(governance_member)
    certification = _refused_until_managed(
        project,
        nhs_lead,
        signatory,
        services.document_certify,
        DecisionKind.DOCUMENT_CERTIFICATION,
        "document.certified",
        SignOffAct.objects.on("agreement").certifications(),
    )
    assert certification.actor == signatory
    approval = _refused_until_managed(
        project,
        nhs_lead,
        governance_member,
        services.document_approve,
        DecisionKind.DOCUMENT_APPROVAL,
        "document.approved",
        SignOffAct.objects.on("agreement").decisions(),
    )
    assert approval.actor == governance_member
