"""Published and unpublished partnerships that the register tests look for (and must not see)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from tests import factories
from triplewin.executive_summary import services as summary_services
from triplewin.transfers.tests.builders import published_project, transfer

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
