"""Fixtures for the PID and executive summary tests, built on the shared role fixtures."""

from __future__ import annotations

from typing import Any

import pytest

from tests import factories
from triplewin.executive_summary import services as summary_services
from triplewin.pid import services
from triplewin.pid.tests import builders


@pytest.fixture
def signatory(pharma_org: Any) -> Any:
    return factories.member(
        "signatory@example.test", pharma_org, "certification_signatory", function="medical"
    )


@pytest.fixture
def nhs_governance(nhs_org: Any) -> Any:
    return factories.member("nhs.governance@example.test", nhs_org, "governance_member")


@pytest.fixture
def wired(monkeypatch: Any) -> None:
    builders.wire_facts(monkeypatch)


@pytest.fixture
def in_setup(project: Any, nhs_lead: Any, industry_lead: Any) -> Any:
    return builders.to_setup(project, nhs_lead, industry_lead)


@pytest.fixture
def complete_pid(
    in_setup: Any,
    nhs_lead: Any,
    industry_lead: Any,
    nhs_governance: Any,
    governance_member: Any,
    nhs_org: Any,
    pharma_org: Any,
) -> Any:
    return builders.complete(
        in_setup,
        nhs_lead=nhs_lead,
        industry_lead=industry_lead,
        nhs_governance=nhs_governance,
        governance_member=governance_member,
        nhs_org=nhs_org,
        pharma_org=pharma_org,
    )


@pytest.fixture
def submitted(complete_pid: Any, nhs_lead: Any) -> Any:
    return services.pid_submit(actor=nhs_lead, project=complete_pid, note="First draft")


@pytest.fixture
def committees(nhs_org: Any, pharma_org: Any, nhs_governance: Any, governance_member: Any) -> Any:
    return {nhs_org: nhs_governance, pharma_org: governance_member}


@pytest.fixture
def approved(wired: None, submitted: Any, signatory: Any, nhs_lead: Any, committees: Any) -> Any:
    project = submitted.project
    builders.sign_off(project, signatory=signatory, team=nhs_lead, committees=committees)
    assert project.state == "pid_approved"
    return project


@pytest.fixture
def drafted(approved: Any, nhs_lead: Any) -> Any:
    summary_services.summary_generate(actor=nhs_lead, project=approved)
    return approved


@pytest.fixture
def signed(drafted: Any) -> Any:
    return builders.sign_agreement(drafted)
