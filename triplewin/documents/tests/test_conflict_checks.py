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


def test_certifying_and_approving_heads_of_terms(
    agreement_project: Any, nhs_lead: Any, signatory: Any, governance_member: Any
) -> None:
    fill(agreement_project, nhs_lead)
    services.document_generate(actor=nhs_lead, project=agreement_project, document="agreement")
    project = checks.conflicted(agreement_project, lead=nhs_lead, person=signatory)
    checks.declare_interest(governance_member)
    for service, person, kind, action, model in (
        (
            services.document_certify,
            signatory,
            DecisionKind.DOCUMENT_CERTIFICATION,
            "document.certified",
            DocumentCertification,
        ),
        (
            services.document_approve,
            governance_member,
            DecisionKind.DOCUMENT_APPROVAL,
            "document.approved",
            DocumentApproval,
        ),
    ):
        checks.refused_until_managed(
            lambda service=service, person=person: service(
                actor=person, project=project, document="agreement", number=1
            ),
            project=project,
            by=nhs_lead,
            person=person,
            decision=kind,
            action=action,
            nothing_recorded=lambda model=model: not model.objects.exists(),
        )
