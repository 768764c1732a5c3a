"""Fixtures for the outcomes tests: a completed project, drafted, certified and approved."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from triplewin.outcomes import services
from triplewin.outcomes.tests import builders
from triplewin.pid.tests import fixtures as pid_fixtures

# The PID tests' signatory and governance committees, shared rather than redefined.
signatory = pid_fixtures.signatory
nhs_governance = pid_fixtures.nhs_governance
committees = pid_fixtures.committees


@pytest.fixture
def wired(monkeypatch: Any) -> None:
    builders.wire_facts(monkeypatch)


@pytest.fixture
def people(nhs_lead: Any, industry_lead: Any, nhs_org: Any, pharma_org: Any) -> dict[str, Any]:
    return {
        "nhs_lead": nhs_lead,
        "industry_lead": industry_lead,
        "nhs_org": nhs_org,
        "pharma_org": pharma_org,
    }


@pytest.fixture
def completed(people: dict[str, Any]) -> Any:
    return builders.completed_project(**people)


@pytest.fixture
def long_ago(people: dict[str, Any]) -> Any:
    """Completed seven months ago, with nothing published since."""
    ended = timezone.localdate() - dt.timedelta(days=215)
    return builders.completed_project(ended_on=ended, title="Old project", **people)


@pytest.fixture
def drafted(completed: Any, nhs_lead: Any) -> Any:
    return builders.drafted(completed, nhs_lead)


@pytest.fixture
def certified(drafted: Any, signatory: Any) -> Any:
    services.outcomes_certify(actor=signatory, project=drafted, expected_version=None)
    return drafted


@pytest.fixture
def approved(certified: Any, nhs_lead: Any, committees: Any) -> Any:
    builders.approve_all(certified, team=nhs_lead, committees=committees)
    return certified
