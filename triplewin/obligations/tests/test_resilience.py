"""Background processes outlive a database that is busy or away (issue 19)."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import signal
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from triplewin.obligations import resilience
from triplewin.obligations.management.commands import run_scheduler
from triplewin.obligations.services import scheduler_tick


def test_backoff_doubles_up_to_a_minute_and_resets():
    backoff = resilience.Backoff()
    assert [backoff.wait() for _ in range(8)] == [1, 2, 4, 8, 16, 32, 60, 60]
    backoff.reset()
    assert backoff.wait() == 1


def test_survive_retries_transient_errors_and_logs_them(caplog):
    calls = iter([OperationalError("database is locked"), OperationalError("gone"), True, False])
    pauses: list[float] = []

    def step() -> bool:
        outcome = next(calls)
        if isinstance(outcome, Exception):
            raise outcome
        return bool(outcome)

    with caplog.at_level(logging.WARNING, logger="triplewin.background"):
        resilience.survive(step, what="Test worker", sleep=pauses.append)
    assert pauses == [1, 2]
    assert "Test worker: the database is unavailable (database is locked)" in caplog.text


def test_survive_lets_other_errors_through():
    def step() -> bool:
        raise ValueError("a bug")

    with pytest.raises(ValueError, match="a bug"):
        resilience.survive(step, what="Test", sleep=lambda _: None)


@pytest.fixture
def keep_signals() -> Iterator[None]:
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


@pytest.fixture
def busy_twice(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The database refuses the worker's first two transactions, as a locked SQLite file does
    while a long upload writes: the place where the upstream worker gave up."""
    real = db_worker.exclusive_transaction  # type: ignore[attr-defined]
    refused: list[int] = []

    @contextlib.contextmanager
    def flaky(*args: Any, **kwargs: Any) -> Iterator[None]:
        if len(refused) < 2:
            refused.append(1)
            raise OperationalError("database is locked")
        with real(*args, **kwargs):
            yield

    monkeypatch.setattr(db_worker, "exclusive_transaction", flaky)
    monkeypatch.setattr("triplewin.obligations.resilience.time.sleep", lambda _: None)
    return refused


@pytest.mark.django_db(transaction=True)
def test_the_upstream_worker_dies_on_a_busy_database(busy_twice, keep_signals):
    scheduler_tick(today=dt.date(2025, 6, 25))
    with pytest.raises(OperationalError):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_our_worker_waits_and_then_runs_every_task(busy_twice, keep_signals, caplog):
    scheduler_tick(today=dt.date(2025, 6, 25))
    with caplog.at_level(logging.WARNING, logger="triplewin.background"):
        call_command(
            "run_worker",
            "--batch",
            "--no-startup-delay",
            verbosity=0,
            stdout=io.StringIO(),
        )
    assert len(busy_twice) == 2
    assert {r.status for r in DBTaskResult.objects.all()} == {TaskResultStatus.SUCCESSFUL}
    assert caplog.text.count("the database is unavailable") == 2


@pytest.mark.django_db(transaction=True)
def test_the_scheduler_waits_out_an_outage(monkeypatch):
    real = run_scheduler.scheduler_tick  # type: ignore[attr-defined]
    failures = [OperationalError("server closed the connection unexpectedly")]

    def flaky(**kwargs: Any) -> Any:
        if failures:
            raise failures.pop()
        return real(**kwargs)

    monkeypatch.setattr(run_scheduler, "scheduler_tick", flaky)
    monkeypatch.setattr("triplewin.obligations.resilience.time.sleep", lambda _: None)
    out = io.StringIO()
    call_command("run_scheduler", "--once", stdout=out)
    assert "Enqueued the reminder run for" in out.getvalue()
