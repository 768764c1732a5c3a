"""Background tasks, run by `manage.py db_worker` (django-tasks' database backend)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import task

from triplewin.notifications import services


@task()
def send_digests(today_iso: str | None = None) -> dict[str, int]:
    """Send each person the daily digest (and on Mondays the weekly one) due on the day."""
    today = dt.date.fromisoformat(today_iso) if today_iso else timezone.localdate()
    return services.send_digests(today=today)
