"""Agreement fixtures: projects in set-up, parties, PDFs."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfWriter

from tests import factories
from triplewin.agreement import services
from triplewin.partnerships.models import Project


def move_to(project: Project, state: str) -> Project:
    # Reaching later states properly needs a certified, approved PID; its own tests cover that
    # gate, so here the state is set directly.
    Project.objects.filter(pk=project.pk).update(state=state)
    project.refresh_from_db()
    return project


def pdf_bytes(*, password: str | None = None, pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


COMPLETE_CLAUSES: dict[str, Any] = {
    "working_type": "cw",
    "term_months": 18,
    "benefits": "Earlier diagnosis for patients; fewer admissions; better pathway insight.",
    "financial_arrangements": "The company funds a nurse post; the trust gives clinic time.",
    "roles_responsibilities": "As in the PID's RACI chart.",
    "success_measures": "Reviews completed, measured monthly by the PCN analyst.",
    "publication_plans": "Executive summary before start; outcomes within six months.",
    "formulary_position": "The medicines involved are already on the local formulary.",
    "contingency": "The steering group re-plans if a partner cannot deliver.",
    "dispute_resolution": "Escalation to the directors, then mediation.",
    "exit_criteria": "Either party may leave on three months' notice.",
    "confidentiality": "No identifiable patient data leaves the NHS.",
    "anti_bribery": "Each party complies with the Bribery Act 2010; nothing is an inducement.",
    "clinical_independence": "Clinicians alone decide each patient's treatment.",
    "non_promotional": "No promotion or sales staff; the project is kept apart from marketing.",
    "competition_confidentiality": "Competition law is followed; commercial data stays private.",
    "code_breach_acknowledged": True,
}


@pytest.fixture
def in_setup(project: Any) -> Project:
    return move_to(project, "setup")


@pytest.fixture
def pcn(icb: Any) -> Any:
    return factories.organisation(
        name="Test Primary Care Network", org_type="pcn", is_legal_entity=False, system=icb
    )


def add_party(actor: Any, project: Project, organisation: Any, **extra: Any) -> Any:
    fields = {"signatory_name": "Alex Signer", "signatory_job_title": "Chief executive"}
    fields.update(extra)
    return services.party_add(actor=actor, project=project, organisation=organisation, **fields)


@pytest.fixture
def parties(in_setup: Project, nhs_lead: Any, nhs_org: Any, pharma_org: Any) -> list[Any]:
    return [add_party(nhs_lead, in_setup, nhs_org), add_party(nhs_lead, in_setup, pharma_org)]


def signed_on(party: Any) -> Any:
    """The date the party's standing signature gives, read from the sign-off engine."""
    from triplewin.agreement.models import AgreementParty
    from triplewin.agreement.selectors import party_signatures

    current = AgreementParty.objects.select_related("agreement__project", "organisation").get(
        pk=party.pk
    )
    found = party_signatures(current.agreement.project, [current])[current.pk]
    return None if found is None else found.signed_on
