"""The task worker is killed in the middle of a reminder batch (issue 19).

A real worker sends a day's reminders through an email backend that writes one file a message.
After two messages it holds before the third, inside that reminder's transaction, and the test
kills it there with SIGKILL. A new worker then finds the task its dead predecessor left
running, queues it again and finishes it: every reminder is sent exactly once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests.faults.mail import delivered
from tests.faults.processes import MANAGE, app_env, manage, started, wait_for
from triplewin.obligations.models import ReminderSent
from triplewin.obligations.tasks import send_daily_reminders

pytestmark = [pytest.mark.fault, pytest.mark.django_db(transaction=True)]

# On 2 July 2025 the completed project (its fixture is in conftest) owes four reminders: its disclosure is overdue and
# its outcomes are a month away, each to two partnership leads.
DAY = "2025-07-02"
EXPECTED = 4


def test_a_worker_killed_mid_batch_loses_and_doubles_no_reminder(
    completed: Any, logs: Path, tmp_path: Path, record_fault: Callable[..., None]
) -> None:
    mail = tmp_path / "mail"
    env = app_env(EMAIL_BACKEND="tests.faults.mail.FileEachBackend", FAULT_MAIL_DIR=str(mail))
    task = send_daily_reminders.enqueue(DAY)

    argv = [*MANAGE, "run_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"]
    with started(
        argv, env={**env, "FAULT_MAIL_HOLD_AFTER": "2"}, log_dir=logs, name="worker-1"
    ) as first:
        wait_for(lambda: (mail / "holding").exists(), timeout=120, what="the third message")
        first.kill()
    sent_before_kill = len(delivered(mail))
    stuck = DBTaskResult.objects.get(pk=task.id).status
    (mail / "holding").unlink()

    out = manage("run_worker", "--batch", "--no-reload", "--no-startup-delay", env=env)
    messages = Counter(delivered(mail))
    final = DBTaskResult.objects.get(pk=task.id)

    lost = EXPECTED - len(messages)
    doubled = sum(n - 1 for n in messages.values())
    record_fault(
        fault="Worker killed mid-batch",
        done="SIGKILL to the task worker while it sent the third of four reminders; a new "
        "worker started.",
        user_saw=f"{sent_before_kill} reminders before the kill; the rest after the restart, "
        "the interrupted run queued again by the new worker.",
        lost="nothing" if lost == 0 else f"{lost} reminders",
        doubled="nothing" if doubled == 0 else f"{doubled} reminders",
    )
    assert sent_before_kill == 2
    assert stuck == TaskResultStatus.RUNNING
    assert final.status == TaskResultStatus.SUCCESSFUL, out
    assert lost == 0, messages
    assert doubled == 0, messages
    assert ReminderSent.objects.count() == EXPECTED
