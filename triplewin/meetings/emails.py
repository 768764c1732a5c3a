"""Emails to an action's owner: when it is given to them, and when it falls due."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse

from triplewin.core.dates import long_date
from triplewin.core.obligations import ReminderKind
from triplewin.core.wording import counted, one_line
from triplewin.meetings.models import Action
from triplewin.notifications.services import Message
from triplewin.team.selectors import display_name


def _link(name: str, *args: int) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)


def _to_owner(action: Action, lead: str, lines: list[str]) -> Message:
    """A greeting, then the lines; the subject is the lead word, the action and the project."""
    owner = action.owner
    greeting = [f"Hello {owner.first_name or display_name(owner)},", ""]
    return Message(
        subject=f"{lead}: {action.description} ({action.project.title})",
        body="\n".join(greeting + lines),
    )


def action_assigned(action: Action, given_by: str) -> Message:
    project = action.project
    agreed = [f"Agreed at: {one_line(action.meeting.title)}"] if action.meeting else []
    return _to_owner(
        action,
        "An action for you",
        [
            f"{given_by} has given you an action in the partnership “{one_line(project.title)}”.",
            "",
            f"The action: {action.description}",
            f"Due: {long_date(action.due_on)}",
            *agreed,
            "",
            "When it is done, mark it done in the project's action log:",
            _link("meetings:actions", project.pk),
            "",
            "Every action and KPI given to you is listed on your Deadlines page:",
            _link("obligations:index"),
        ],
    )


def _status(action: Action, today: dt.date) -> str:
    days = (today - action.due_on).days
    return "due today" if days <= 0 else f"overdue by {counted(days, 'day')}"


def action_reminder(action: Action, kind: ReminderKind, today: dt.date) -> Message:
    """Sent once on the due date and once after it, while the action is open."""
    project = action.project
    return _to_owner(
        action,
        "Overdue" if kind is ReminderKind.OVERDUE else "Due today",
        [
            f"This is a reminder about an action of yours in the partnership "
            f"“{one_line(project.title)}”.",
            "",
            f"The action: {action.description}",
            f"Due: {long_date(action.due_on)} ({_status(action, today)})",
            "",
            "If it is done, mark it done in the project's action log; if it cannot be done by "
            "then, tell the project's partnership lead:",
            _link("meetings:actions", project.pk),
            "",
            "You receive this once on the due date and once if the date passes.",
        ],
    )
