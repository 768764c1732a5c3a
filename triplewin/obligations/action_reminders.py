"""Reminders to the owners of open actions: on the due date, and once if it passes.

Only while the project's meetings run (an action in a withdrawn project is nobody's job any
more) and only to owners still on the project team with an email address.
"""

from __future__ import annotations

import datetime as dt

from triplewin.core.notifications import Kind
from triplewin.core.obligations import action_reminder_kind
from triplewin.meetings.emails import action_reminder
from triplewin.meetings.models import Action, ActionStatus
from triplewin.meetings.services._common import MEETINGS_IN
from triplewin.obligations.models import ReminderSent
from triplewin.obligations.sending import ReminderRun, send_logged
from triplewin.team.models import TeamMember


def action_key(action: Action) -> str:
    return f"action-{action.pk}"


def send_action_reminders(*, today: dt.date, run: ReminderRun) -> None:
    due = list(
        Action.objects.filter(
            status=ActionStatus.OPEN,
            due_on__lte=today,
            project__state__in=[s.value for s in MEETINGS_IN],
            owner__is_active=True,
        )
        .exclude(owner__email="")
        .select_related("owner", "project", "meeting")
        .order_by("due_on", "pk")
    )
    on_team = set(
        TeamMember.objects.active()
        .filter(project_id__in={a.project_id for a in due})
        .values_list("project_id", "user_id")
    )
    for action in due:
        kind = action_reminder_kind(action.due_on, today)
        if kind is None or (action.project_id, action.owner_id) not in on_team:
            continue
        row = ReminderSent(
            project=action.project,
            obligation_key=action_key(action),
            due_on=action.due_on,
            kind=kind.value,
            recipient=action.owner,
            recipient_email=action.owner.email,
        )
        outcome = send_logged(
            row=row,
            user=action.owner,
            kind=Kind.ACTIONS,
            message=action_reminder(action, kind, today),
            audit_action="action.reminder_sent",
        )
        run.add(outcome, action.owner.email)
