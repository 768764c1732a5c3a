"""Workers and the scheduler beat while they live, and a database error does not stop them."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import logging

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.utils import timezone
from django_tasks_db.management.commands import db_worker

from triplewin.monitoring import heartbeat
from triplewin.monitoring.heartbeat import Heart
from triplewin.monitoring.models import Heartbeat, ProcessKind
from triplewin.monitoring.tests.conftest import beat
from triplewin.obligations.management.commands import run_scheduler
from triplewin.obligations.management.commands.run_worker import SurvivingWorker
from triplewin.obligations.tasks import send_daily_reminders


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.django_db
def test_the_first_beat_writes_a_row_and_later_ones_bring_it_up_to_date() -> None:
    clock = Clock()
    heart = Heart(kind=ProcessKind.WORKER, clock=clock)
    heart.beat_if_due()
    row = Heartbeat.objects.get()
    assert (row.kind, row.pid, row.tasks_done) == (ProcessKind.WORKER, heart.pid, 0)
    first = row.last_beat
    heart.task_done()
    clock.now += 29
    heart.beat_if_due()  # not due yet
    assert Heartbeat.objects.get().tasks_done == 0
    clock.now += 1
    heart.beat_if_due()
    row = Heartbeat.objects.get()
    assert row.tasks_done == 1
    assert row.last_beat >= first
    assert row.started_at == heart.started_at


@pytest.mark.django_db
def test_rows_silent_for_a_day_are_tidied_away() -> None:
    gone = beat(minutes_ago=24 * 60 + 1)
    kept = beat(minutes_ago=23 * 60)
    Heart(kind=ProcessKind.SCHEDULER).beat()
    assert Heartbeat.objects.count() == 2  # the one kept, and the scheduler's own
    assert not Heartbeat.objects.filter(pk=gone.pk).exists()
    assert Heartbeat.objects.filter(pk=kept.pk).exists()


@pytest.mark.django_db
def test_a_row_deleted_under_it_is_written_again() -> None:
    heart = Heart(kind=ProcessKind.WORKER)
    heart.beat()
    Heartbeat.objects.all().delete()
    heart.beat()
    assert Heartbeat.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_database_error_while_beating_is_logged_and_survived(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock()
    heart = Heart(kind=ProcessKind.WORKER, clock=clock)
    real = heart._write
    outage = [OperationalError("server closed the connection unexpectedly")]

    def flaky() -> None:
        if outage:
            raise outage.pop()
        real()

    monkeypatch.setattr(heart, "_write", flaky)
    with caplog.at_level(logging.WARNING, logger="triplewin.background"):
        assert heart.beat() is False
    assert "could not record its heartbeat (server closed the connection" in caplog.text
    assert not Heartbeat.objects.exists()
    clock.now += heartbeat.RETRY_AFTER - 1
    heart.beat_if_due()  # too soon to try again
    assert not Heartbeat.objects.exists()
    clock.now += 1
    heart.beat_if_due()
    assert Heartbeat.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_worker_beats_between_tasks_and_counts_them(
    monkeypatch: pytest.MonkeyPatch, keep_signals: None
) -> None:
    monkeypatch.setattr(heartbeat, "BEAT_EVERY", 0.0)
    send_daily_reminders.enqueue("2025-06-25")
    send_daily_reminders.enqueue("2025-06-26")
    call_command("run_worker", "--batch", "--no-startup-delay", verbosity=0, stdout=io.StringIO())
    row = Heartbeat.objects.get()
    assert row.kind == ProcessKind.WORKER
    assert row.tasks_done == 2


@pytest.mark.django_db(transaction=True)
def test_an_idle_worker_beats_at_least_once_a_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock()
    worker = SurvivingWorker(
        queue_names=["default"],
        interval=1.0,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    worker.heart = Heart(kind=ProcessKind.WORKER, clock=clock)
    beats: list[float] = []
    real_beat = worker.heart.beat

    def counted_beat() -> bool:
        beats.append(clock.now)
        return real_beat()

    monkeypatch.setattr(worker.heart, "beat", counted_beat)

    def idle(seconds: float) -> None:
        # Each empty pass of the loop stands for ten seconds of an idle worker.
        clock.now += 10
        if clock.now >= 1000 + 300:
            worker.running = False

    monkeypatch.setattr(db_worker.time, "sleep", idle)  # type: ignore[attr-defined]
    worker.run()
    gaps = [later - earlier for earlier, later in itertools.pairwise(beats)]
    assert beats[0] == 1000  # at start
    assert len(beats) >= 5
    assert max(gaps) <= 60


@pytest.mark.django_db
def test_the_shutdown_signal_does_not_beat(monkeypatch: pytest.MonkeyPatch) -> None:
    worker = SurvivingWorker(
        queue_names=["default"],
        interval=1.0,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    worker.running_task = True  # mid-task: the handler only asks the loop to stop
    worker.shutdown(15, None)
    assert worker.running is False
    assert not Heartbeat.objects.exists()


class Enough(Exception):
    pass


@pytest.mark.django_db
def test_the_scheduler_beats_at_start_and_sleeps_in_short_slices(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        if len(sleeps) == 4:
            raise Enough

    monkeypatch.setattr(run_scheduler.time, "sleep", sleep)  # type: ignore[attr-defined]
    with pytest.raises(Enough):
        call_command("run_scheduler", "--interval", "300", stdout=io.StringIO())
    row = Heartbeat.objects.get()
    assert row.kind == ProcessKind.SCHEDULER
    assert timezone.now() - row.last_beat < dt.timedelta(minutes=1)
    assert all(0 < s <= heartbeat.BEAT_EVERY for s in sleeps)


@pytest.mark.django_db
def test_run_scheduler_once_beats(monkeypatch: pytest.MonkeyPatch) -> None:
    call_command("run_scheduler", "--once", stdout=io.StringIO())
    assert Heartbeat.objects.filter(kind=ProcessKind.SCHEDULER).count() == 1
