"""The one rule: tasks wait and no worker has beaten for ten minutes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from triplewin.monitoring import queue
from triplewin.monitoring.tests.conftest import beat
from triplewin.obligations.tasks import send_daily_reminders

NOW = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
TEN = dt.timedelta(minutes=10)
TICK = dt.timedelta(microseconds=1)


@pytest.mark.parametrize(
    ("silence", "stopped"),
    [
        (dt.timedelta(0), False),
        (TEN - TICK, False),
        (TEN, True),  # ten minutes without a beat is ten missed beats: stopped
        (TEN + TICK, True),
        (dt.timedelta(days=3), True),
    ],
)
def test_the_boundary_is_exactly_ten_minutes(silence: dt.timedelta, stopped: bool) -> None:
    assert queue.no_worker_alive(waiting=1, last_worker_beat=NOW - silence, now=NOW) is stopped


def test_tasks_waiting_and_no_worker_ever_seen() -> None:
    assert queue.no_worker_alive(waiting=3, last_worker_beat=None, now=NOW) is True


def test_nothing_waiting_is_never_a_problem() -> None:
    assert queue.no_worker_alive(waiting=0, last_worker_beat=None, now=NOW) is False


@given(
    waiting=st.integers(min_value=0, max_value=10_000),
    silence_seconds=st.one_of(st.none(), st.floats(min_value=0, max_value=10 * 86400)),
)
def test_stopped_exactly_when_tasks_wait_and_the_silence_reaches_ten_minutes(
    waiting: int, silence_seconds: float | None
) -> None:
    last = None if silence_seconds is None else NOW - dt.timedelta(seconds=silence_seconds)
    expected = waiting > 0 and (silence_seconds is None or silence_seconds >= 600)
    assert queue.no_worker_alive(waiting=waiting, last_worker_beat=last, now=NOW) is expected


@pytest.mark.django_db
@pytest.mark.parametrize(("minutes_ago", "stopped"), [(9.9, False), (10.1, True)])
def test_read_from_the_database_only_worker_beats_count(minutes_ago: float, stopped: bool) -> None:
    from triplewin.monitoring.models import ProcessKind

    send_daily_reminders.enqueue("2025-06-25")
    beat(minutes_ago=0, kind=ProcessKind.SCHEDULER)  # the scheduler runs no tasks
    beat(minutes_ago=minutes_ago)
    beat(minutes_ago=60)
    assert queue.workers_stopped() is stopped


@pytest.mark.django_db
def test_readiness_fails_in_the_same_case_and_the_page_says_so(
    client: Client, client_as: Any
) -> None:
    send_daily_reminders.enqueue("2025-06-25")  # waiting for seconds only: within the wait limit
    beat(minutes_ago=10.5)
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["task_queue"] == "failing"
    assert "No task worker is running" in client_as("oversight").get("/background-work/").text
    beat(minutes_ago=0.5)
    assert client.get("/health/ready").status_code == 200
    assert "No task worker is running" not in client_as("oversight").get("/background-work/").text
