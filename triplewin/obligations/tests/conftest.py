"""A completed partnership with transfers in 2024: its disclosure is due by 30 June 2025 and
its outcomes (delivery ended 31 January 2025) by 31 July 2025."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from triplewin.transfers.tests.builders import published_project, transfer


@pytest.fixture
def completed(nhs_lead: Any, nhs_org: Any, pharma_org: Any, industry_lead: Any) -> Any:
    project = published_project(
        actor=nhs_lead,
        lead=nhs_org,
        partners=[pharma_org],
        title="Heart failure finder",
        published_on=dt.date(2024, 1, 10),
        started_on=dt.date(2024, 2, 1),
        ended_on=dt.date(2025, 1, 31),
    )
    transfer(actor=industry_lead, project=project, company=pharma_org, recipient=nhs_org, year=2024)
    return project
