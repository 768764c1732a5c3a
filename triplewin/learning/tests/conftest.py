"""Fixtures for the learning tests: a finished project whose team has NHS and industry members."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from tests import factories
from triplewin.learning import services
from triplewin.outcomes.tests import builders
from triplewin.outcomes.tests import conftest as outcomes_fixtures
from triplewin.pid.tests.builders import join_team

people = outcomes_fixtures.people


@pytest.fixture
def nurse(nhs_org: Any) -> Any:
    """An NHS team member who is not a partnership lead."""
    return factories.member("nurse@example.test", nhs_org, "administrator")


@pytest.fixture
def analyst(nhs_org: Any) -> Any:
    return factories.member("analyst@example.test", nhs_org, "administrator")


@pytest.fixture
def ended(people: dict[str, Any], nurse: Any, analyst: Any, nhs_org: Any) -> Any:
    """Completed a month ago; the team is the two leads, a nurse and an analyst."""
    ended_on = timezone.localdate() - dt.timedelta(days=30)
    project = builders.in_delivery(ended_on=ended_on, **people)
    join_team(project, people["nhs_lead"], nurse, nhs_org, "clinical_lead")
    join_team(project, people["nhs_lead"], analyst, nhs_org, "analyst")
    return builders.complete(project, people["nhs_lead"], ended_on)


@pytest.fixture
def surveyed(ended: Any, nhs_lead: Any) -> Any:
    services.survey_send(actor=nhs_lead, project=ended)
    return ended
