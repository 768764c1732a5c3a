"""What the task queue (django-tasks-db) holds: read by the ready check and the metrics."""

from __future__ import annotations

import datetime as dt

from django.db.models import Min
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max


def waiting_count() -> int:
    return DBTaskResult.objects.ready().count()


def oldest_wait(*, now: dt.datetime | None = None) -> dt.timedelta | None:
    """How long the longest-waiting runnable task has waited, or None when none waits.

    A task with no `run_after` has waited since it was queued; a scheduled one only since its
    time came.
    """
    now = now or timezone.now()
    ready = DBTaskResult.objects.ready()
    unscheduled = ready.filter(run_after=get_date_max()).aggregate(at=Min("enqueued_at"))["at"]
    scheduled = ready.exclude(run_after=get_date_max()).aggregate(at=Min("run_after"))["at"]
    since = [at for at in (unscheduled, scheduled) if at is not None]
    return now - min(since) if since else None
