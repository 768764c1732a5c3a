"""Shared fixtures: organisations, the seven roles every view is tested as, and a project.

Every role's user has made a nil return today, as everyone who takes decisions must have
(ADR 0013); tests about an empty or lapsed register override `current_registers`.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests import factories


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    # Argon2 is the production hasher (see test_settings); tests use a fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def current_registers() -> bool:
    """Whether the role users start with a nil return; the register's own tests start empty."""
    return True


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
def nhs_lead(nhs_org: Any, current_registers: bool) -> Any:
    return factories.member(
        "nhs.lead@example.test", nhs_org, "partnership_lead", registered=current_registers
    )


@pytest.fixture
def industry_lead(pharma_org: Any, current_registers: bool) -> Any:
    return factories.member(
        "industry.lead@example.test",
        pharma_org,
        "partnership_lead",
        function="partnership",
        registered=current_registers,
    )


@pytest.fixture
def governance_member(pharma_org: Any, current_registers: bool) -> Any:
    return factories.member(
        "governance@example.test",
        pharma_org,
        "governance_member",
        function="legal_compliance",
        registered=current_registers,
    )


@pytest.fixture
def team_member(nhs_org: Any, current_registers: bool) -> Any:
    """Works on the NHS partner's projects without lead or decision rights."""
    return factories.member(
        "team.member@example.test", nhs_org, "team_member", registered=current_registers
    )


@pytest.fixture
def oversight(icb: Any, current_registers: bool) -> Any:
    return factories.member(
        "oversight@example.test", icb, "system_oversight", registered=current_registers
    )


@pytest.fixture
def outsider(other_org: Any, current_registers: bool) -> Any:
    return factories.member(
        "outsider@example.test", other_org, "partnership_lead", registered=current_registers
    )


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
