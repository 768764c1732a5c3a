"""A partnership in delivery, public on the register, with an NHS and a company partner."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests import factories
from triplewin.transfers.tests.builders import published_project

# Who may record a company's transfers: its partnership leads (and signatories, tested apart).
RECORD = {
    "nhs_lead": 403,
    "industry_lead": 200,
    "governance_member": 403,
    "team_member": 403,
    "oversight": 403,
    "outsider": 404,
    "anonymous": 404,
}


@pytest.fixture
def live(nhs_lead: Any, nhs_org: Any, pharma_org: Any) -> Any:
    return published_project(
        actor=nhs_lead,
        lead=nhs_org,
        partners=[pharma_org],
        title="Asthma reviews in primary care",
        published_on=dt.date(2024, 1, 10),
        started_on=dt.date(2024, 2, 1),
    )


@pytest.fixture
def signatory(pharma_org: Any) -> Any:
    return factories.member(
        "signatory@example.test", pharma_org, "certification_signatory", function="medical"
    )


@pytest.fixture
def patient_org(db: None) -> Any:
    return factories.organisation(name="Asthma Patients Together", org_type="patient_organisation")


@pytest.fixture
def charity(db: None) -> Any:
    return factories.organisation(name="Breathe Better Trust", org_type="third_sector")
