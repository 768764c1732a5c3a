"""Shared fixtures: organisations, the seven roles every view is tested as, and a project."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests import factories, one_time


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    # Argon2 is the production hasher (see test_settings); tests use a fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _one_time_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    # Test posts to create forms carry a real token, as the page would give them; and every
    # create page a test opens must give one. See tests/one_time.py.
    one_time.install(monkeypatch)


@pytest.fixture
def icb(db: None) -> Any:
    return factories.organisation(name="Test Integrated Care Board", org_type="icb", ods_code="QZZ")


@pytest.fixture
def nhs_org(icb: Any) -> Any:
    return factories.organisation(
        name="Test Hospitals NHS Trust", org_type="trust", ods_code="RZZ", system=icb
    )


@pytest.fixture
def pharma_org(db: None) -> Any:
    return factories.organisation(name="Test Pharma Ltd", org_type="pharmaceutical")


@pytest.fixture
def other_org(db: None) -> Any:
    return factories.organisation(
        name="Unrelated Health Foundation Trust", org_type="trust", ods_code="RYY"
    )


@pytest.fixture
def nhs_lead(nhs_org: Any) -> Any:
    return factories.member("nhs.lead@example.test", nhs_org, "partnership_lead")


@pytest.fixture
def industry_lead(pharma_org: Any) -> Any:
    return factories.member(
        "industry.lead@example.test", pharma_org, "partnership_lead", function="partnership"
    )


@pytest.fixture
def governance_member(pharma_org: Any) -> Any:
    return factories.member(
        "governance@example.test", pharma_org, "governance_member", function="legal_compliance"
    )


@pytest.fixture
def team_member(nhs_org: Any) -> Any:
    """Works on the NHS partner's projects without lead or decision rights."""
    return factories.member("team.member@example.test", nhs_org, "team_member")


@pytest.fixture
def oversight(icb: Any) -> Any:
    return factories.member("oversight@example.test", icb, "system_oversight")


@pytest.fixture
def outsider(other_org: Any) -> Any:
    return factories.member("outsider@example.test", other_org, "partnership_lead")


@pytest.fixture
def project(nhs_lead: Any, nhs_org: Any, pharma_org: Any) -> Any:
    return factories.project(actor=nhs_lead, lead=nhs_org, partners=[pharma_org])


@pytest.fixture
def roles(
    nhs_lead: Any,
    industry_lead: Any,
    governance_member: Any,
    team_member: Any,
    oversight: Any,
    outsider: Any,
) -> dict[str, Any]:
    return {
        "nhs_lead": nhs_lead,
        "industry_lead": industry_lead,
        "governance_member": governance_member,
        "team_member": team_member,
        "oversight": oversight,
        "outsider": outsider,
        "anonymous": None,
    }


@pytest.fixture
def client_for(roles: dict[str, Any]) -> Any:
    def make(role: str) -> Client:
        client = Client()
        user = roles[role]
        if user is not None:
            client.force_login(user)
        return client

    return make
