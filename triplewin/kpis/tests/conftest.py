"""KPI fixtures: a project in delivery, a KPI shared with the company and one that is not."""

from __future__ import annotations

from typing import Any

import pytest

from triplewin.kpis.tests import builders
from triplewin.team.tests.builders import advance


@pytest.fixture
def delivering(project: Any, nhs_lead: Any) -> Any:
    return advance(project, nhs_lead, to="in_delivery")


@pytest.fixture
def in_setup(project: Any, nhs_lead: Any) -> Any:
    return advance(project, nhs_lead, to="setup")


@pytest.fixture
def shared_kpi(delivering: Any, nhs_lead: Any) -> Any:
    return builders.kpi(delivering, nhs_lead)


@pytest.fixture
def hidden_kpi(delivering: Any, nhs_lead: Any) -> Any:
    return builders.kpi(
        delivering,
        nhs_lead,
        name="Emergency admissions avoided",
        category="economic",
        unit="admissions",
        direction="down",
        rollup="sum",
        company_may_see=False,
        aggregated_anonymised=False,
    )
