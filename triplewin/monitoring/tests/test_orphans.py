"""Tasks left running by a worker that died go back in the queue; others are left alone."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
from typing import Any

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from triplewin.audit.models import AuditEvent
from triplewin.monitoring.models import Heartbeat, ProcessKind
from triplewin.monitoring.orphans import ORPHAN_AFTER, process_exists, recover_orphans
from triplewin.obligations.tasks import send_daily_reminders

pytestmark = pytest.mark.django_db

HERE = socket.gethostname()
NOW = timezone.now()


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _running(worker_id: str, *, started: dt.timedelta = dt.timedelta(minutes=1)) -> Any:
    result = send_daily_reminders.enqueue("2025-06-25")
    task = DBTaskResult.objects.get(pk=result.id)
    task.claim(worker_id)
    DBTaskResult.objects.filter(pk=task.pk).update(started_at=NOW - started)
    return task


def _beat(worker_id: str, *, hostname: str = HERE, pid: int, silent: dt.timedelta) -> None:
    Heartbeat.objects.create(
        kind=ProcessKind.WORKER,
        hostname=hostname,
        pid=pid,
        worker_id=worker_id,
        started_at=NOW - dt.timedelta(hours=1),
        last_beat=NOW - silent,
    )


def _status(task: Any) -> str:
    return str(DBTaskResult.objects.get(pk=task.pk).status)


def test_a_task_whose_worker_died_on_this_machine_is_queued_again_at_once() -> None:
    task = _running("killed")
    _beat("killed", pid=_dead_pid(), silent=dt.timedelta(seconds=10))
    assert recover_orphans(hostname=HERE, worker_id="me", now=NOW) == [str(task.pk)]
    assert _status(task) == TaskResultStatus.READY
    assert DBTaskResult.objects.get(pk=task.pk).started_at is None
    event = AuditEvent.objects.get(action="task.recovered")
    assert event.changes["worker"] == ["killed", None]
    # Done once: nothing more to recover.
    assert recover_orphans(hostname=HERE, worker_id="me", now=NOW) == []


def test_a_task_whose_worker_still_runs_here_is_left_alone() -> None:
    parent = os.getppid()  # alive for as long as this test runs
    task = _running("busy")
    _beat("busy", pid=parent, silent=ORPHAN_AFTER * 3)
    assert recover_orphans(hostname=HERE, worker_id="me", now=NOW) == []
    assert _status(task) == TaskResultStatus.RUNNING


def test_a_previous_life_with_this_very_pid_is_gone() -> None:
    # A container restarted with the same hostname and pid: the old worker is not us.
    task = _running("before-restart")
    _beat("before-restart", pid=os.getpid(), silent=dt.timedelta(seconds=5))
    assert recover_orphans(hostname=HERE, worker_id="after-restart", now=NOW) == [str(task.pk)]


def test_our_own_task_is_never_ours_to_recover() -> None:
    task = _running("me")
    _beat("me", pid=_dead_pid(), silent=ORPHAN_AFTER * 3)
    assert recover_orphans(hostname=HERE, worker_id="me", now=NOW) == []
    assert _status(task) == TaskResultStatus.RUNNING


@pytest.mark.parametrize(
    ("silent", "recovered"),
    [
        (ORPHAN_AFTER - dt.timedelta(seconds=1), False),
        (ORPHAN_AFTER + dt.timedelta(seconds=1), True),
    ],
)
def test_a_worker_on_another_machine_is_gone_after_a_long_silence(
    silent: dt.timedelta, recovered: bool
) -> None:
    _running("elsewhere")
    _beat("elsewhere", hostname="another-machine", pid=1, silent=silent)
    assert bool(recover_orphans(hostname=HERE, worker_id="me", now=NOW)) is recovered


@pytest.mark.parametrize(
    ("started", "recovered"),
    [
        (ORPHAN_AFTER - dt.timedelta(seconds=1), False),
        (ORPHAN_AFTER + dt.timedelta(seconds=1), True),
    ],
)
def test_a_worker_that_never_beat_is_gone_once_its_task_is_old(
    started: dt.timedelta, recovered: bool
) -> None:
    task = _running("from-before-heartbeats", started=started)
    assert bool(recover_orphans(hostname=HERE, worker_id="me", now=NOW)) is recovered
    assert _status(task) == (TaskResultStatus.READY if recovered else TaskResultStatus.RUNNING)


def test_finished_and_waiting_tasks_are_not_touched() -> None:
    waiting = send_daily_reminders.enqueue("2025-06-25")
    done = _running("killed")
    DBTaskResult.objects.filter(pk=done.pk).update(status=TaskResultStatus.SUCCESSFUL)
    _beat("killed", pid=_dead_pid(), silent=dt.timedelta(seconds=10))
    assert recover_orphans(hostname=HERE, worker_id="me", now=NOW) == []
    assert DBTaskResult.objects.get(pk=waiting.id).status == TaskResultStatus.READY
    assert _status(done) == TaskResultStatus.SUCCESSFUL


def test_a_zombie_is_not_a_live_process() -> None:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    # Not yet reaped: a zombie until wait() is called.
    for _ in range(100):
        if not process_exists(child.pid):
            break
        time.sleep(0.05)
    assert not process_exists(child.pid)
    child.wait()
    assert not process_exists(child.pid)
    assert process_exists(os.getpid())
