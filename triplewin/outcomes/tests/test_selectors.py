"""Reads other pages rely on: the deadline, the drafted criteria and the public summary."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from triplewin.contributions import services as contribution_services
from triplewin.outcomes import services
from triplewin.outcomes.models import OutcomesSummary
from triplewin.outcomes.presenters import public_outcomes
from triplewin.outcomes.selectors import outcomes_deadline, published_outcomes
from triplewin.outcomes.tests import builders
from triplewin.pid import services as pid_services
from triplewin.pid.tests.builders import PID_TEXT
from triplewin.team.tests.builders import advance

pytestmark = pytest.mark.django_db


def test_no_deadline_before_completion(people):
    project = builders.in_delivery(ended_on=timezone.localdate(), **people)
    assert outcomes_deadline(project) is None


def test_deadline_runs_from_the_day_of_completion(completed):
    today = timezone.localdate()
    d = outcomes_deadline(completed, today)
    assert d is not None
    assert d.completed_on == completed.actual_end
    assert not d.overdue
    assert d.days_left == (d.due_on - today).days
    assert d.text.startswith(f"Due by {d.due_on.day} {d.due_on:%B %Y}, ")
    on_the_day = outcomes_deadline(completed, completed.actual_end)
    assert on_the_day is not None
    assert on_the_day.days_left in range(181, 185)


def test_completed_more_than_six_months_ago_is_overdue(long_ago):
    d = outcomes_deadline(long_ago)
    assert d is not None
    assert d.overdue
    assert d.text.startswith(f"Overdue by {d.days_overdue} day")


def test_published_outcomes_meet_the_deadline(approved, nhs_lead, wired):
    services.outcomes_publish(actor=nhs_lead, project=approved, expected_version=None)
    approved.refresh_from_db()
    d = outcomes_deadline(approved)
    assert d is not None
    assert (d.met, d.overdue) == (True, False)
    assert d.text.startswith("Published on")


def test_completion_date_falls_back_to_the_recorded_step(project, nhs_lead):
    advance(project, nhs_lead, "completed")
    assert project.actual_end is None
    d = outcomes_deadline(project)
    assert d is not None
    assert d.completed_on == timezone.localdate()


def test_public_outcomes_only_once_published(approved, nhs_lead, wired):
    assert published_outcomes(approved) is None
    assert public_outcomes(approved) is None
    services.outcomes_publish(actor=nhs_lead, project=approved, expected_version=None)
    public = public_outcomes(approved)
    assert public is not None
    assert public.published_on == timezone.localdate()
    rows = {r.label: r.value for r in public.rows()}
    assert rows["Readiness to scale"] == builders.JUDGEMENTS["scaling"]
    assert public_outcomes(approved, timezone.localdate() - dt.timedelta(days=1)) is None


def test_draft_carries_the_pid_success_criteria_and_contributions(
    project, nhs_lead, nhs_org, pharma_org
):
    advance(project, nhs_lead, "setup")
    pid_services.pid_save(
        actor=nhs_lead,
        project=project,
        fields={k: PID_TEXT[k] for k in ("success_what", "success_measure")},
        expected_version=None,
    )
    contribution_services.contribution_add(
        actor=nhs_lead,
        project=project,
        fields={
            "organisation": pharma_org,
            "kind": "money",
            "description": "Funding for the search tool",
            "value": 20000,
        },
    )
    advance(project, nhs_lead, "completed")
    summary = services.outcomes_generate(actor=nhs_lead, project=project)
    assert summary.results.splitlines() == [
        f"What counts as success: {PID_TEXT['success_what']}",
        f"How it is measured: {PID_TEXT['success_measure']}",
    ]
    assert summary.contributions == (
        f"Agreed contributions:\n- {pharma_org.name}: Funding for the search tool (£20,000)"
    )
    today = timezone.localdate()
    assert summary.duration == f"Ended on {today.day} {today:%B %Y}"
    assert OutcomesSummary.objects.count() == 1


def test_imported_outcomes_count_as_published_on_the_day_of_the_step(project, nhs_lead):
    advance(project, nhs_lead, "outcomes_published")
    d = outcomes_deadline(project)
    assert d is not None
    assert (d.met, d.overdue, d.published_on) == (True, False, timezone.localdate())
    assert published_outcomes(project) is None
