"""Certifying and approving a document signed off here are conflict-checked."""

from __future__ import annotations

from typing import Any

import pytest

from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.tests import checks
from triplewin.documents import services
from triplewin.documents.models import DocumentApproval, DocumentCertification
from triplewin.documents.tests.test_heads_of_terms import fill

pytestmark = pytest.mark.django_db


def _act(service: Any, actor: Any, project: Any) -> Any:
    return service(actor=actor, project=project, document="agreement", number=1)


def test_certifying_and_approving_heads_of_terms(
    agreement_project: Any, nhs_lead: Any, signatory: Any, governance_member: Any
) -> None:
    fill(agreement_project, nhs_lead)
    services.document_generate(actor=nhs_lead, project=agreement_project, document="agreement")
    project = checks.concern_product(agreement_project, nhs_lead)
    checks.declare_interest(signatory)
    checks.declare_interest(governance_member)

    checks.refused(lambda: _act(services.document_certify, signatory, project))
    assert not DocumentCertification.objects.exists()
    checks.manage(
        project, by=nhs_lead, person=signatory, decision=DecisionKind.DOCUMENT_CERTIFICATION
    )
    _act(services.document_certify, signatory, project)
    checks.assert_audited_as_managed("document.certified")

    checks.refused(lambda: _act(services.document_approve, governance_member, project))
    assert not DocumentApproval.objects.exists()
    checks.manage(
        project, by=nhs_lead, person=governance_member, decision=DecisionKind.DOCUMENT_APPROVAL
    )
    assert _act(services.document_approve, governance_member, project).approved_by == (
        governance_member
    )
    checks.assert_audited_as_managed("document.approved")
