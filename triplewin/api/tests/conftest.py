"""API fixtures: organisation administrators, tokens of each kind, a project in delivery."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tests import factories
from triplewin.api import tokens
from triplewin.api.models import Scope
from triplewin.kpis.tests import builders as kpi_builders
from triplewin.team.tests.builders import advance

EVERYTHING = [s.value for s in Scope]


@pytest.fixture
def nhs_admin(nhs_org: Any) -> Any:
    return factories.member("nhs.admin@example.test", nhs_org, "organisation_administrator")


@pytest.fixture
def pharma_admin(pharma_org: Any) -> Any:
    return factories.member(
        "pharma.admin@example.test", pharma_org, "organisation_administrator", function="other"
    )


@pytest.fixture
def other_admin(other_org: Any) -> Any:
    return factories.member("other.admin@example.test", other_org, "organisation_administrator")


@pytest.fixture
def make_token(db: None) -> Callable[..., str]:
    def make(admin: Any, organisation: Any, scopes: list[str] | None = None, **extra: Any) -> str:
        _, text = tokens.token_create(
            actor=admin,
            organisation=organisation,
            name=extra.pop("name", "Test feed"),
            scopes=EVERYTHING if scopes is None else scopes,
            expires_on=extra.pop("expires_on", timezone.localdate() + dt.timedelta(days=30)),
            **extra,
        )
        return text

    return make


@pytest.fixture
def delivering(project: Any, nhs_lead: Any) -> Any:
    return advance(project, nhs_lead, to="in_delivery")


@pytest.fixture
def shared_kpi(delivering: Any, nhs_lead: Any) -> Any:
    return kpi_builders.kpi(delivering, nhs_lead)


@pytest.fixture
def hidden_kpi(delivering: Any, nhs_lead: Any) -> Any:
    return kpi_builders.kpi(
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


def bearer(text: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {text}")
