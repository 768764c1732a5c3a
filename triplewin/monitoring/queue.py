"""What the task queue (django-tasks-db) holds and whether a worker is alive to empty it: read
by the ready check, the metrics and the queue page."""

from __future__ import annotations

import datetime as dt

from django.db.models import Max, Min
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from triplewin.monitoring.models import Heartbeat, ProcessKind


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


# A worker beats at least once a minute while it lives; ten minutes of silence is ten missed
# beats, so it has stopped, hangs in one task, or cannot reach the database.
WORKER_SILENCE = dt.timedelta(minutes=10)


def no_worker_alive(
    *, waiting: int, last_worker_beat: dt.datetime | None, now: dt.datetime
) -> bool:
    """The rule behind the red warning on the queue page and the failing readiness check:
    tasks wait, and no worker has beaten for ten minutes (or ever). At exactly ten minutes of
    silence the worker counts as stopped."""
    if waiting <= 0:
        return False
    return last_worker_beat is None or now - last_worker_beat >= WORKER_SILENCE


def last_worker_beat() -> dt.datetime | None:
    latest: dt.datetime | None = Heartbeat.objects.filter(kind=ProcessKind.WORKER).aggregate(
        at=Max("last_beat")
    )["at"]
    return latest


def workers_stopped(*, now: dt.datetime | None = None) -> bool:
    """Whether tasks wait with no worker alive to run them, read from the database now."""
    return no_worker_alive(
        waiting=waiting_count(), last_worker_beat=last_worker_beat(), now=now or timezone.now()
    )
