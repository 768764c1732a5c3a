"""Background tasks, run by `manage.py db_worker` (django-tasks' database backend)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import task

from triplewin.obligations import reminders


@task()
def send_daily_reminders(today_iso: str | None = None) -> dict[str, int]:
    """Email every reminder due on the given day (by default, today)."""
    today = dt.date.fromisoformat(today_iso) if today_iso else timezone.localdate()
    return reminders.send_due_reminders(today=today).as_dict()
