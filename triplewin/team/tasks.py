"""Background tasks, run by `manage.py db_worker` (django-tasks' database backend)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from triplewin.conflicts.selectors import has_current_declaration
from triplewin.core.notifications import Kind
from triplewin.notifications.services import notify
from triplewin.team import emails
from triplewin.team.models import DeclarationRequest


@task()
def email_declaration_request(request_id: int, asked_by: str) -> str:
    """Send the request, unless the person has declared or left the team since it was made."""
    request = (
        DeclarationRequest.objects.select_related("member__user", "member__project")
        .filter(pk=request_id)
        .first()
    )
    if request is None or request.member.left_on is not None:
        return "not needed"
    if has_current_declaration(request.member.user, timezone.localdate()):
        return "already declared"
    message = emails.declaration_requested(request, asked_by)
    return notify(
        user=request.member.user,
        kind=Kind.DECLARATIONS,
        subject=message.subject,
        body=message.body,
    )
