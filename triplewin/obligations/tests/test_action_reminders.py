"""Action reminders: the owner hears on the due date and once after, and only while it matters."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from hypothesis import given
from hypothesis import strategies as st

from triplewin.audit.models import AuditEvent
from triplewin.core.obligations import ReminderKind, action_reminder_kind
from triplewin.meetings.services import actions
from triplewin.obligations.reminders import send_due_reminders
from triplewin.partnerships import services as project_services
from triplewin.team import services as team_services
from triplewin.team.models import TeamMember
from triplewin.team.tests.conftest import approved, team

__all__ = ["approved", "team"]
pytestmark = pytest.mark.django_db
D = dt.date
DUE = D(2027, 1, 29)


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 1, 1)), st.integers(-400, 400))
def test_kind_is_due_today_on_the_day_overdue_after_and_nothing_before(due, days_late):
    kind = action_reminder_kind(due, due + dt.timedelta(days=days_late))
    if days_late < 0:
        assert kind is None
    elif days_late == 0:
        assert kind is ReminderKind.DUE_TODAY
    else:
        assert kind is ReminderKind.OVERDUE


@pytest.fixture
def action(team, nhs_lead, industry_lead):
    return actions.action_add(
        actor=nhs_lead,
        project=team,
        description="Send the search criteria",
        owner=industry_lead,
        due_on=DUE,
    )


def _sent(today: dt.date) -> list[tuple[str, str]]:
    before = len(mail.outbox)
    send_due_reminders(today=today)
    return [(m.to[0], str(m.subject)) for m in mail.outbox[before:]]


def test_the_owner_hears_on_the_day_and_once_after(action, team):
    subject = f"Send the search criteria ({team.title})"
    assert _sent(DUE - dt.timedelta(days=1)) == []
    assert _sent(DUE) == [("industry.lead@example.test", f"Due today: {subject}")]
    assert _sent(DUE) == []
    assert _sent(DUE + dt.timedelta(days=3)) == [
        ("industry.lead@example.test", f"Overdue: {subject}")
    ]
    assert _sent(DUE + dt.timedelta(days=4)) == []
    assert _sent(DUE + dt.timedelta(days=40)) == []
    events = AuditEvent.objects.filter(action="action.reminder_sent")
    assert [e.changes["kind"][1] for e in events.order_by("pk")] == ["due_today", "overdue"]


def test_the_reminder_says_what_and_how_late(action, team):
    send_due_reminders(today=DUE + dt.timedelta(days=3))
    (sent,) = mail.outbox
    assert "Hello Industry," in sent.body
    assert "The action: Send the search criteria" in sent.body
    assert "Due: 29 January 2027 (overdue by 3 days)" in sent.body
    assert f"/projects/{team.pk}/actions/" in sent.body


def test_a_done_action_sends_nothing(action, team, industry_lead):
    actions.action_complete(actor=industry_lead, project=team, action=action)
    assert _sent(DUE) == []


def test_an_owner_who_left_the_team_or_has_no_address_hears_nothing(
    action, team, nhs_lead, industry_lead
):
    get_user_model().objects.filter(pk=industry_lead.pk).update(email="")
    assert _sent(DUE) == []
    get_user_model().objects.filter(pk=industry_lead.pk).update(email="industry.lead@example.test")
    member = TeamMember.objects.get(project=team, user=industry_lead)
    team_services.team_member_remove(actor=nhs_lead, project=team, member=member, reason="Left")
    assert _sent(DUE) == []


def test_a_withdrawn_project_sends_nothing(action, team, nhs_lead):
    project_services.project_transition(
        actor=nhs_lead, project=team, name="withdraw_from_concept_approved", reason="Stopped"
    )
    assert _sent(DUE) == []
