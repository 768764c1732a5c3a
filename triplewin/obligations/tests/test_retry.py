"""A failed reminder run retried from the background work page sends nothing twice."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from triplewin.monitoring.services import task_retry
from triplewin.obligations import reminders
from triplewin.obligations.tasks import send_daily_reminders


def _work() -> None:
    call_command("run_worker", "--batch", "--no-startup-delay", verbosity=0, stdout=io.StringIO())


@pytest.mark.django_db(transaction=True)
def test_a_retried_reminder_run_never_sends_a_reminder_twice(
    completed: Any, oversight: Any, monkeypatch: pytest.MonkeyPatch, keep_signals: None
) -> None:
    real = reminders.send_due_reminders

    def sends_then_fails(*, today: dt.date) -> Any:
        # The worst moment: every reminder has gone, then the run fails before it finishes.
        real(today=today)
        raise ConnectionResetError("The mail server hung up")

    monkeypatch.setattr(reminders, "send_due_reminders", sends_then_fails)
    send_daily_reminders.enqueue("2025-06-25")
    _work()
    failed = DBTaskResult.objects.get()
    assert failed.status == TaskResultStatus.FAILED
    assert len(mail.outbox) == 2

    monkeypatch.setattr(reminders, "send_due_reminders", real)
    assert task_retry(actor=oversight, task_id=failed.pk).retried is True
    _work()
    retry = DBTaskResult.objects.exclude(pk=failed.pk).get()
    assert retry.status == TaskResultStatus.SUCCESSFUL
    assert retry.return_value == {"sent": 0, "already_sent": 2, "failed": 0}
    assert len(mail.outbox) == 2

    second = task_retry(actor=oversight, task_id=failed.pk)
    assert second.retried is False
    assert "already retried" in second.message
    _work()
    assert DBTaskResult.objects.count() == 2
    assert len(mail.outbox) == 2


@pytest.mark.django_db(transaction=True)
def test_a_run_that_failed_before_sending_sends_each_reminder_once_on_retry(
    completed: Any, oversight: Any, monkeypatch: pytest.MonkeyPatch, keep_signals: None
) -> None:
    real = reminders.send_due_reminders

    def fails_first(*, today: dt.date) -> Any:
        raise ConnectionResetError("The database went away")

    monkeypatch.setattr(reminders, "send_due_reminders", fails_first)
    send_daily_reminders.enqueue("2025-06-25")
    _work()
    failed = DBTaskResult.objects.get()
    assert len(mail.outbox) == 0
    monkeypatch.setattr(reminders, "send_due_reminders", real)
    task_retry(actor=oversight, task_id=failed.pk)
    _work()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "industry.lead@example.test",
        "nhs.lead@example.test",
    ]
