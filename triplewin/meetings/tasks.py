"""Background tasks, run by `manage.py db_worker` (django-tasks' database backend)."""

from __future__ import annotations

from django_tasks import task

from triplewin.core.notifications import Kind
from triplewin.meetings import emails
from triplewin.meetings.models import Action, ActionStatus
from triplewin.notifications.services import notify


@task()
def email_action_owner(action_id: int, given_by: str) -> str:
    """Tell the owner about a new action; an action since closed or deleted needs no email."""
    action = (
        Action.objects.select_related("owner", "project", "meeting").filter(pk=action_id).first()
    )
    if action is None or action.status != ActionStatus.OPEN:
        return "not needed"
    if not action.owner.email:
        return "no email address"
    message = emails.action_assigned(action, given_by)
    return notify(user=action.owner, kind=Kind.ACTIONS, subject=message.subject, body=message.body)
