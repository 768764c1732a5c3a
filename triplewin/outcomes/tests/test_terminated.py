"""An outcomes (closure) summary after early termination, and one answer to "is it due?".

Guidance (NHS Confederation/ABPI 2024), stage 3, "Reporting on the project outcomes": all
parties publish outcomes promptly, within six months, and the report assesses how successful
or unsuccessful the project was. ABPI Code 2024, clause 20: outcomes within six months. A
project stopped early is no exception, so the compliance panel, the Deadlines page, the
reminders and the public register must all say the same about it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from triplewin.core.lifecycle import State
from triplewin.core.obligations import Kind, Status
from triplewin.core.rules import Outcome, evaluate_gate
from triplewin.delivery.exit_plan import exit_plan
from triplewin.delivery.services.closure import project_terminate
from triplewin.obligations.models import ReminderSent
from triplewin.obligations.reminders import send_due_reminders
from triplewin.obligations.selectors import obligations_for
from triplewin.outcomes import services
from triplewin.outcomes.selectors import outcomes_deadline
from triplewin.outcomes.tests import builders
from triplewin.partnerships.facts import build_facts
from triplewin.partnerships.models import Project

pytestmark = pytest.mark.django_db

RULE = "OUTCOMES-WITHIN-SIX-MONTHS"
# Seven months and a bit after delivery ended: the six-month deadline has passed.
ENDED_DAYS_AGO = 215


def _terminated(people: dict[str, Any], ended_on: dt.date) -> Project:
    project = builders.in_delivery(ended_on=ended_on, **people)
    project_terminate(
        actor=people["nhs_lead"],
        project=project,
        reason="The partners agreed the pathway could not be staffed.",
        ended_on=ended_on,
        done={step.key: "Done as planned." for step in exit_plan(project)},
    )
    project.refresh_from_db()
    return project


def _project(kind: str, people: dict[str, Any], ended_on: dt.date) -> Project:
    if kind == "completed":
        return builders.completed_project(ended_on=ended_on, **people)
    if kind == "terminated":
        return _terminated(people, ended_on)
    return builders.in_delivery(ended_on=ended_on, **people)


def _panel(project: Project, today: dt.date) -> Outcome:
    report = evaluate_gate("ongoing", build_facts(project, today))
    (result,) = [r for r in report.results if r.rule.id == RULE]
    return result.outcome


def _obligation(project: Project, today: dt.date) -> Any:
    found = obligations_for([project], today)[project.pk]
    return next(o for o in found if o.kind is Kind.OUTCOMES)


# (how delivery stands, the panel, the obligation's status, an outcomes reminder is sent,
#  the register's outcomes line, whether a deadline is shown on the outcomes page)
AGREEMENT = [
    ("completed", Outcome.FAIL, Status.OVERDUE, True, "Overdue", True),
    ("terminated", Outcome.FAIL, Status.OVERDUE, True, "Overdue", True),
    (
        "in_delivery",
        Outcome.NOT_APPLICABLE,
        Status.NOT_YET_DUE,
        False,
        "Due within six months of the end of delivery",
        False,
    ),
]


@pytest.mark.parametrize(
    ("kind", "panel", "status", "reminded", "register", "has_deadline"),
    AGREEMENT,
    ids=[row[0] for row in AGREEMENT],
)
def test_panel_deadlines_reminders_and_register_agree(
    client: Any,
    people: dict[str, Any],
    kind: str,
    panel: Outcome,
    status: Status,
    reminded: bool,
    register: str,
    has_deadline: bool,
) -> None:
    today = timezone.localdate()
    ended_on = today - dt.timedelta(days=ENDED_DAYS_AGO)
    project = _project(kind, people, ended_on)

    assert _panel(project, today) is panel
    obligation = _obligation(project, today)
    assert obligation.status is status
    deadline = outcomes_deadline(project, today)
    assert (deadline is not None) is has_deadline
    if deadline is not None:
        # The outcomes page and the Deadlines page give the same date.
        assert deadline.due_on == obligation.due_on
        assert deadline.overdue
    send_due_reminders(today=today)
    sent = ReminderSent.objects.filter(project=project, obligation_key="outcomes")
    assert sent.exists() is reminded
    page = client.get(f"/register/{project.pk}/").content.decode()
    assert register in page


def test_a_terminated_project_counts_from_the_day_delivery_stopped(people):
    today = timezone.localdate()
    stopped = today - dt.timedelta(days=40)
    project = _terminated(people, stopped)
    deadline = outcomes_deadline(project, today)
    assert deadline is not None
    assert deadline.completed_on == stopped
    assert _obligation(project, today).due_on == deadline.due_on
    assert "ended early" in _obligation(project, today).title
    assert _panel(project, today) is Outcome.PASS


def test_a_closure_summary_is_drafted_approved_and_published_after_termination(
    people, nhs_lead, signatory, committees, client
):
    today = timezone.localdate()
    project = _terminated(people, today - dt.timedelta(days=ENDED_DAYS_AGO))
    builders.drafted(project, nhs_lead)
    summary = project.outcomes_summary
    assert "stopped early" in summary.overview
    assert "could not be staffed" in summary.overview
    assert "(stopped early)" in summary.duration
    services.outcomes_certify(actor=signatory, project=project, expected_version=None)
    builders.approve_all(project, team=nhs_lead, committees=committees)
    services.outcomes_publish(actor=nhs_lead, project=project, expected_version=None)
    project.refresh_from_db()
    assert project.state_enum is State.OUTCOMES_PUBLISHED
    assert project.transitions.filter(to_state=State.TERMINATED).exists()

    # Every reader now agrees that the summary was published, late.
    assert _panel(project, today) is Outcome.FAIL  # published after the deadline
    assert _obligation(project, today).status is Status.MET_LATE
    deadline = outcomes_deadline(project, today)
    assert deadline is not None
    assert deadline.met
    ReminderSent.objects.all().delete()
    send_due_reminders(today=today)
    assert not ReminderSent.objects.filter(project=project, obligation_key="outcomes").exists()
    page = client.get(f"/register/{project.pk}/").content.decode()
    assert "Published" in page
    assert "Overdue" not in page
