"""The daily schedule: enqueued once a day, executed by django-tasks' database worker."""

from __future__ import annotations

import datetime as dt
import io
import signal
from collections.abc import Iterator

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from triplewin.obligations.models import ScheduledRun
from triplewin.obligations.services import (
    AUDIT_CHAIN_CHECK,
    DAILY_REMINDERS,
    DECLARATION_ROUNDS,
    DIGESTS,
    RETENTION,
    WEBSITE_PAGES_CHECK,
    scheduler_tick,
)
from triplewin.obligations.tasks import send_daily_reminders

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def keep_signals() -> Iterator[None]:
    # db_worker installs its own SIGINT/SIGTERM handlers; give pytest its own back.
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


def test_tick_enqueues_each_daily_job_once_per_day():
    first = scheduler_tick(today=D(2025, 6, 25))
    assert [run.job for run in first] == [
        DAILY_REMINDERS,
        AUDIT_CHAIN_CHECK,
        WEBSITE_PAGES_CHECK,
        DECLARATION_ROUNDS,
        DIGESTS,
        RETENTION,
    ]
    assert scheduler_tick(today=D(2025, 6, 25)) == []
    assert ScheduledRun.objects.filter(job=DAILY_REMINDERS).count() == 1
    assert ScheduledRun.objects.filter(job=AUDIT_CHAIN_CHECK).count() == 1
    queued = {r.task_path: r for r in DBTaskResult.objects.all()}
    assert sorted(queued) == [
        "triplewin.audit.tasks.check_audit_chain",
        "triplewin.conflicts.tasks.send_daily_round_reminders",
        "triplewin.executive_summary.tasks.check_website_pages",
        "triplewin.notifications.tasks.send_digests",
        "triplewin.obligations.tasks.send_daily_reminders",
        "triplewin.retention.tasks.apply_retention_daily",
    ]
    reminders = queued["triplewin.obligations.tasks.send_daily_reminders"]
    assert reminders.args_kwargs == {"args": ["2025-06-25"], "kwargs": {}}
    assert queued["triplewin.audit.tasks.check_audit_chain"].args_kwargs == {
        "args": ["2025-06-25"],
        "kwargs": {},
    }
    assert first[0].task_result_id == str(reminders.id)
    assert len(scheduler_tick(today=D(2025, 6, 26))) == 6
    assert DBTaskResult.objects.count() == 12


@pytest.mark.django_db(transaction=True)
def test_worker_runs_the_queued_reminders(completed, keep_signals):
    # The worker closes connections between tasks, as a long-running process must, so this
    # test runs outside the usual wrapping transaction.
    scheduler_tick(today=D(2025, 6, 25))
    call_command(
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
        stdout=io.StringIO(),
    )
    results = {r.task_path: r for r in DBTaskResult.objects.all()}
    assert {r.status for r in results.values()} == {TaskResultStatus.SUCCESSFUL}
    reminders = results["triplewin.obligations.tasks.send_daily_reminders"]
    assert reminders.return_value == {"sent": 2, "already_sent": 0, "failed": 0}
    pages = results["triplewin.executive_summary.tasks.check_website_pages"].return_value
    assert pages == {"answered": 0, "not answering": 0, "gone": 0}
    check = results["triplewin.audit.tasks.check_audit_chain"].return_value
    assert check["checked"] is True
    assert check["verified"] is True
    rounds = results["triplewin.conflicts.tasks.send_daily_round_reminders"].return_value
    assert rounds == {"sent": 0}
    digests = results["triplewin.notifications.tasks.send_digests"].return_value
    assert digests == {"sent": 0, "already_sent": 0, "nothing": 0, "failed": 0}
    assert sorted(m.to[0] for m in mail.outbox) == [
        "industry.lead@example.test",
        "nhs.lead@example.test",
    ]


def test_task_can_be_called_directly(completed):
    assert send_daily_reminders.call("2025-06-25") == {"sent": 2, "already_sent": 0, "failed": 0}
    assert send_daily_reminders.call("2025-06-25") == {"sent": 0, "already_sent": 2, "failed": 0}


def test_run_scheduler_once(completed):
    out = io.StringIO()
    call_command("run_scheduler", "--once", stdout=out)
    call_command("run_scheduler", "--once", stdout=out)
    text = out.getvalue()
    assert "Enqueued the reminder run for" in text
    assert "Enqueued the audit chain check for" in text
    assert "Enqueued the check of the partners' web pages for" in text
    assert "Enqueued the email digests for" in text
    assert "Enqueued the declaration round reminders for" in text
    assert "Enqueued the retention policy for" in text
    assert "already enqueued" in text
    assert DBTaskResult.objects.count() == 6


def test_send_reminders_command_moves_the_clock(completed):
    out = io.StringIO()
    call_command("send_reminders", "--today", "2025-07-01", stdout=out)
    assert "2025-07-01: 4 sent, 0 already sent, 0 failed." in out.getvalue()
    call_command("send_reminders", "--today", "2025-07-01", stdout=out)
    assert "0 sent, 4 already sent" in out.getvalue()


def test_send_reminders_rejects_a_bad_date():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_reminders", "--today", "1 July")
