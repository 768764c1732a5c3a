"""Tasks left running by a worker that died, put back in the queue (issue 19, ADR 0038).

django-tasks-db marks a task RUNNING when a worker claims it and only that worker ever
finishes it. A worker killed mid-task (SIGKILL, the machine lost, the out-of-memory killer)
leaves it RUNNING for ever: a reminder run cut off half-way would never send the rest. Every
worker therefore looks, each time it beats, for running tasks whose worker is gone, and makes
them ready again. Running a task twice is safe for the work that matters: each reminder,
digest and declaration request is claimed by its own unique row, so a second run sends only
what the first did not.

A worker is gone when:
- it beat from this machine and its process no longer exists (or is a zombie), or its process
  id is now this worker's own (a container restarted with the same pid); known at once;
- it beat from another machine and has been silent for ORPHAN_AFTER; a worker busy with one long
  task does not beat either, so the wait is long enough for any task we run;
- it never beat (a worker from before heartbeats) and the task started ORPHAN_AFTER ago.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from triplewin.audit import services as audit
from triplewin.monitoring.models import Heartbeat, ProcessKind

logger = logging.getLogger("triplewin.background")

ORPHAN_AFTER = dt.timedelta(minutes=30)


def process_exists(pid: int) -> bool:
    """Whether a live (not zombie) process has this id on this machine."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        # The state follows the command name, which is in brackets and may hold spaces.
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state not in {"Z", "X"}


def _gone(
    beat: Heartbeat | None, task: Any, *, hostname: str, worker_id: str, now: dt.datetime
) -> bool:
    if beat is None:
        return task.started_at is None or task.started_at < now - ORPHAN_AFTER
    if beat.worker_id == worker_id:
        return False
    if beat.hostname == hostname:
        return beat.pid == os.getpid() or not process_exists(beat.pid)
    return beat.last_beat < now - ORPHAN_AFTER


def recover_orphans(*, hostname: str, worker_id: str, now: dt.datetime | None = None) -> list[str]:
    """Make ready again every running task whose worker is gone; the ids made ready."""
    now = now or timezone.now()
    recovered: list[str] = []
    with transaction.atomic():
        running = list(
            DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
            .select_for_update(skip_locked=True)
            .only("id", "task_path", "started_at", "worker_ids")
        )
        if not running:
            return []
        owners = {task.worker_ids[-1] for task in running if task.worker_ids}
        beats = {
            beat.worker_id: beat
            for beat in Heartbeat.objects.filter(kind=ProcessKind.WORKER, worker_id__in=owners)
        }
        for task in running:
            owner = task.worker_ids[-1] if task.worker_ids else ""
            if not _gone(beats.get(owner), task, hostname=hostname, worker_id=worker_id, now=now):
                continue
            DBTaskResult.objects.filter(pk=task.pk, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.READY, started_at=None
            )
            audit.record(
                actor=None,
                action="task.recovered",
                obj=task,
                changes={"status": ["RUNNING", "READY"], "worker": [owner, None]},
            )
            logger.warning(
                "Task %s (%s) was left running by worker %s, which is gone; it is queued again.",
                task.pk,
                task.task_path.rsplit(".", 1)[-1],
                owner or "unknown",
            )
            recovered.append(str(task.pk))
    return recovered
