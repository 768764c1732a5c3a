"""The scheduler under faults (issue 19): two at once, and a clock that jumps.

Real `run_scheduler` and `run_worker` processes on the suite's database (so on SQLite and on
PostgreSQL: how each locks is what is tested). Mail leaves through a backend that writes one
file a message, so the test counts what was really sent.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django_tasks_db.models import DBTaskResult

from tests.faults.mail import delivered
from tests.faults.processes import MANAGE, app_env, manage, started, wait_for
from triplewin.obligations.models import ReminderSent, ScheduledRun
from triplewin.obligations.services import JOB_NAMES

pytestmark = [pytest.mark.fault, pytest.mark.django_db(transaction=True)]


def _env(mail: Path) -> dict[str, str]:
    return app_env(
        EMAIL_BACKEND="tests.faults.mail.FileEachBackend",
        FAULT_MAIL_DIR=str(mail),
        WEBSITE_CHECK_ALLOW_PRIVATE="false",
    )


def test_two_schedulers_at_once_run_each_daily_job_once(
    logs: Path, tmp_path: Path, record_fault: Callable[..., None]
) -> None:
    env = _env(tmp_path / "mail")
    argv = [*MANAGE, "run_scheduler", "--interval", "1"]
    with (
        started(argv, env=env, log_dir=logs, name="scheduler-1") as one,
        started(argv, env=env, log_dir=logs, name="scheduler-2") as two,
    ):
        wait_for(
            lambda: ScheduledRun.objects.count() >= len(JOB_NAMES),
            timeout=120,
            what="the day's jobs to be queued",
        )
        # Both keep checking for a few more rounds, as they would all day.
        time.sleep(4)
        assert one.alive(), one.output()
        assert two.alive(), two.output()

    runs = Counter(ScheduledRun.objects.values_list("job", "day"))
    tasks = DBTaskResult.objects.count()
    doubled = sum(n - 1 for n in runs.values())
    record_fault(
        fault="Two schedulers at once",
        done="Started two schedulers together, each checking every second.",
        user_saw="Nothing: each daily job queued once.",
        lost="nothing" if {job for job, _ in runs} == set(JOB_NAMES) else "a daily job",
        doubled="nothing" if doubled == 0 and tasks == len(JOB_NAMES) else f"{doubled} jobs",
    )
    assert {job for job, _ in runs} == set(JOB_NAMES)
    assert all(n == 1 for n in runs.values())
    assert tasks == len(JOB_NAMES)
    assert "Enqueued" in one.output() + two.output()


def _day(when: str, *, env: dict[str, str], logs: Path) -> None:
    """The scheduler wakes with its clock at `when`; a worker then runs what it queued."""
    manage_at = ["faketime", f"{when} 08:00:00", *MANAGE, "run_scheduler", "--once"]
    with started(manage_at, env=env, log_dir=logs, name=f"scheduler-{when}") as scheduler:
        wait_for(lambda: not scheduler.alive(), timeout=120, what="the scheduler's check")
    assert scheduler.popen.returncode == 0, scheduler.output()
    manage("run_worker", "--batch", "--no-reload", "--no-startup-delay", env=env, timeout=300)


def test_a_clock_that_jumps_forward_and_back_skips_and_doubles_nothing(
    completed: Any, logs: Path, tmp_path: Path, record_fault: Callable[..., None]
) -> None:
    mail = tmp_path / "mail"
    env = _env(mail)
    # A normal day; a week forward (the disclosure falls due on the 30th, unseen); back to the
    # 26th; forward again; and the outcomes' due day.
    days = ["2025-06-25", "2025-07-02", "2025-06-26", "2025-07-03", "2025-07-31"]
    sent_per_day = []
    for day in days:
        before = len(delivered(mail)) if mail.exists() else 0
        _day(day, env=env, logs=logs)
        sent_per_day.append(len(delivered(mail)) - before)

    messages = Counter(delivered(mail))
    kinds = Counter(ReminderSent.objects.values_list("obligation_key", "kind"))
    doubled = sum(n - 1 for n in messages.values())
    # The week jumped over still had its reminders: the disclosure overdue, the outcomes'
    # month-before; going back sent nothing again; the due day sent the outcomes' reminder.
    expected = [2, 4, 0, 0, 2]
    record_fault(
        fault="Scheduler clock jumps",
        done="Ran the scheduler and a worker on 25 June, then 2 July, back to 26 June, 3 July "
        "and 31 July.",
        user_saw=f"Reminder emails each day: {', '.join(map(str, sent_per_day))}.",
        lost="nothing" if sent_per_day == expected else f"expected {expected}",
        doubled="nothing" if doubled == 0 else f"{doubled} emails",
    )
    assert doubled == 0, messages
    assert sent_per_day == expected
    assert sum(messages.values()) == ReminderSent.objects.count() == 8
    assert all(n == 2 for n in kinds.values()), kinds
