"""Background tasks, run by `manage.py db_worker` (django-tasks' database backend)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import task

from triplewin.conflicts.models import DeclarationRound
from triplewin.conflicts.rounds import send_round_emails, send_round_reminders
from triplewin.core.declaration_rounds import Reminder


@task()
def email_round_opened(round_id: int) -> int:
    declaration_round = DeclarationRound.objects.filter(pk=round_id).first()
    if declaration_round is None:
        return 0
    return send_round_emails(declaration_round, Reminder.OPENED, timezone.localdate())


@task()
def send_daily_round_reminders(today_iso: str | None = None) -> dict[str, int]:
    """Remind everyone still outstanding a week before a round's due date and on the day."""
    today = dt.date.fromisoformat(today_iso) if today_iso else timezone.localdate()
    return send_round_reminders(today=today)
