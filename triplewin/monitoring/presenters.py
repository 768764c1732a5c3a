"""What the background work page shows, worked out here so its template stays dumb."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django_tasks_db.models import DBTaskResult

from triplewin.config.filters import govuk_date
from triplewin.core.wording import counted
from triplewin.monitoring import queue
from triplewin.monitoring.models import Heartbeat, TaskRetry

# The most recent failures are the ones anyone acts on; older ones stay in the admin.
FAILED_SHOWN = 50
MESSAGE_LENGTH = 500


def duration_words(delta: dt.timedelta) -> str:
    """'less than a minute', '1 minute', '3 hours', '2 days': the largest whole unit."""
    seconds = max(0, int(delta.total_seconds()))
    if seconds < 60:
        return "less than a minute"
    if seconds < 3600:
        return counted(seconds // 60, "minute")
    if seconds < 2 * 86400:
        return counted(seconds // 3600, "hour")
    return counted(seconds // 86400, "day")


def error_message(*, class_path: str, traceback: str) -> str:
    """The exception's message: what follows its class name on the traceback's last lines.

    Python writes a built-in exception's name alone ('ValueError: …') and any other with its
    module ('django.db.utils.OperationalError: …'); a message may run over several lines.
    """
    lines = traceback.rstrip().splitlines()
    names = {class_path, class_path.rsplit(".", 1)[-1]}
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        for name in names:
            if line == name:
                return ""
            if line.startswith(f"{name}: "):
                text = "\n".join([line[len(name) + 2 :], *lines[index + 1 :]]).strip()
                return text[:MESSAGE_LENGTH]
    return (lines[-1] if lines else "")[:MESSAGE_LENGTH]


@dataclass(frozen=True)
class ProcessRow:
    kind: str
    hostname: str
    pid: int
    started: str
    last_beat: str
    tasks_done: int
    alive: bool


@dataclass(frozen=True)
class FailedRow:
    id: str
    task: str
    queued: str
    failed: str
    error_class: str
    error_message: str
    traceback: str
    retried: str


@dataclass(frozen=True)
class BackgroundWork:
    waiting: int
    oldest_wait: str
    no_worker_alive: bool
    processes: list[ProcessRow]
    failed: list[FailedRow]
    failed_total: int


def _process(row: Heartbeat, now: dt.datetime) -> ProcessRow:
    silence = now - row.last_beat
    return ProcessRow(
        kind=row.get_kind_display(),
        hostname=row.hostname,
        pid=row.pid,
        started=govuk_date(row.started_at),
        last_beat=f"{duration_words(silence)} ago",
        tasks_done=row.tasks_done,
        alive=silence < queue.WORKER_SILENCE,
    )


def _retried(retry: TaskRetry | None) -> str:
    if retry is None:
        return ""
    who = retry.retried_by.get_full_name() or retry.retried_by.get_username()
    return f"Retried by {who} on {govuk_date(retry.retried_at)}"


def _failed(
    result: DBTaskResult[Any, Any], retry: TaskRetry | None, *, show_traceback: bool
) -> FailedRow:
    return FailedRow(
        id=str(result.pk),
        task=result.task_name,
        queued=govuk_date(result.enqueued_at),
        failed=govuk_date(result.finished_at),
        error_class=result.exception_class_path.rsplit(".", 1)[-1],
        error_message=error_message(
            class_path=result.exception_class_path, traceback=result.traceback
        ),
        traceback=result.traceback if show_traceback else "",
        retried=_retried(retry),
    )


def background_work(*, now: dt.datetime, show_tracebacks: bool) -> BackgroundWork:
    waiting = queue.waiting_count()
    oldest = queue.oldest_wait(now=now)
    failed_results = list(DBTaskResult.objects.failed().order_by("-finished_at")[:FAILED_SHOWN])
    retries = {
        r.failed_task_id: r
        for r in TaskRetry.objects.select_related("retried_by").filter(
            failed_task_id__in=[f.pk for f in failed_results]
        )
    }
    return BackgroundWork(
        waiting=waiting,
        oldest_wait=duration_words(oldest) if oldest is not None else "",
        no_worker_alive=queue.no_worker_alive(
            waiting=waiting, last_worker_beat=queue.last_worker_beat(), now=now
        ),
        processes=[_process(row, now) for row in Heartbeat.objects.all()],
        failed=[
            _failed(f, retries.get(f.pk), show_traceback=show_tracebacks) for f in failed_results
        ],
        failed_total=DBTaskResult.objects.failed().count(),
    )
