"""Published and unpublished partnerships that the register tests look for (and must not see)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from tests import factories
from triplewin.executive_summary import services as summary_services
from triplewin.kpis.tests import builders as kpi_builders
from triplewin.outcomes import services as outcomes_services
from triplewin.outcomes.tests import builders as outcomes_builders

# The outcomes tests' chain (a completed partnership, its signatory and committees), shared
# rather than redefined.
from triplewin.outcomes.tests.conftest import (
    committees,
    completed,
    nhs_governance,
    people,
    signatory,
    wired,
)
from triplewin.transfers.tests.builders import published_project, transfer

__all__ = ["committees", "completed", "nhs_governance", "people", "signatory", "wired"]

# Strings that exist only in unpublished or internal records. None may appear on any public page.
SECRETS = (
    "Zebrafish glaucoma pilot",  # the draft project's title
    "Quillwort Private Clinic",  # an organisation that is a partner only in the draft
    "Ophthalmic zeta",  # the draft's therapy area
    "31,337",  # the draft's transfer of value (£31,337.00)
    "31337",
    "Scheduled sleep study",  # a summary scheduled for publication next month
    "Internal brief mentions cobalt",  # the published project's internal "idea in brief"
    "Working note about invoices",  # a note on a published project's transfer
)


@pytest.fixture
def published(nhs_lead, nhs_org, pharma_org, industry_lead):
    project = published_project(
        actor=nhs_lead,
        lead=nhs_org,
        partners=[pharma_org],
        title="Published asthma project",
        therapy_area="Respiratory",
        summary={"rationale": "Too many asthma admissions", "objectives": "Review every patient"},
        summary_text="Internal brief mentions cobalt",
        published_on=dt.date(2024, 1, 10),
        started_on=dt.date(2024, 2, 1),
    )
    transfer(
        actor=industry_lead,
        project=project,
        company=pharma_org,
        recipient=nhs_org,
        year=2024,
        money="4200",
        note="Working note about invoices",
    )
    return project


@pytest.fixture
def draft(nhs_lead, nhs_org, pharma_org, industry_lead, icb) -> Any:
    """A project with a summary certified but not published, a private partner and money."""
    secret_org = factories.organisation(
        name="Quillwort Private Clinic", org_type="trust", ods_code="RQQ", system=icb
    )
    secret_org.region = "Secret Region"
    secret_org.save()
    project = factories.project(
        actor=nhs_lead,
        lead=nhs_org,
        partners=[pharma_org, secret_org],
        title="Zebrafish glaucoma pilot",
        therapy_area="Ophthalmic zeta",
        intended_type="jw",
    )
    # Only internal records exist: a transfer cannot be recorded through the service before
    # publication, so it is written directly to prove the register would still hide it.
    from triplewin.transfers.models import TransferOfValue

    TransferOfValue.objects.create(
        project=project,
        company=pharma_org,
        recipient=secret_org,
        year=2024,
        category="joint_collaborative",
        amount_money="31337",
    )
    return project


@pytest.fixture
def scheduled(nhs_lead, nhs_org, pharma_org) -> Any:
    project = factories.project(
        actor=nhs_lead, lead=nhs_org, partners=[pharma_org], title="Scheduled sleep study"
    )
    summary_services.summary_record_published(
        actor=nhs_lead,
        project=project,
        fields={"rationale": "Scheduled"},
        certified_on=dt.date(2026, 1, 5),
        published_on=timezone.localdate() + dt.timedelta(days=30),
    )
    return project


# Only in the NHS-only KPI, which must never reach the public.
NHS_ONLY_KPI = "Named-practice review backlog"
SHARED_KPI = "Patients offered a structured review"


@pytest.fixture
def signed_off(completed, nhs_lead, signatory, committees, wired) -> Any:
    """Completed, with a shared and an NHS-only KPI, and its outcomes summary approved by all
    (but not published)."""
    shared = kpi_builders.kpi(completed, nhs_lead, name=SHARED_KPI)
    kpi_builders.record_series(shared, nhs_lead, [45, 60, 82])
    hidden = kpi_builders.kpi(
        completed,
        nhs_lead,
        name=NHS_ONLY_KPI,
        unit="people",
        company_may_see=False,
        aggregated_anonymised=False,
    )
    kpi_builders.record_series(hidden, nhs_lead, [7, 5])
    outcomes_builders.drafted(completed, nhs_lead)
    outcomes_services.outcomes_certify(actor=signatory, project=completed, expected_version=None)
    outcomes_builders.approve_all(completed, team=nhs_lead, committees=committees)
    return completed


@pytest.fixture
def with_outcomes(signed_off, nhs_lead) -> Any:
    """The same partnership with its summary of outcomes published today."""
    outcomes_services.outcomes_publish(actor=nhs_lead, project=signed_off, expected_version=None)
    signed_off.refresh_from_db()
    return signed_off
