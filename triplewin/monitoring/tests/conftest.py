from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests import factories
from triplewin.monitoring.models import Heartbeat, ProcessKind
from triplewin.obligations.tasks import send_daily_reminders

TRACEBACK = (
    "Traceback (most recent call last):\n"
    '  File "/srv/triplewin/obligations/reminders.py", line 12, in send_due_reminders\n'
    "    server.send(message)\n"
    "smtplib.SMTPServerDisconnected: Connection unexpectedly closed\n"
)


@pytest.fixture
def platform_admin(db: None) -> Any:
    return factories.superuser("root@example.test")


@pytest.fixture
def client_as(roles: dict[str, Any], platform_admin: Any) -> Any:
    """A client signed in as one of the seven roles, or as a platform administrator."""
    people = {**roles, "platform_admin": platform_admin}

    def make(role: str) -> Client:
        client = Client()
        if people[role] is not None:
            client.force_login(people[role])
        return client

    return make


def failed_task(*, today_iso: str = "2025-06-25") -> DBTaskResult[Any, Any]:
    """A reminder run that failed when the mail server hung up."""
    result = send_daily_reminders.enqueue(today_iso)
    row = DBTaskResult.objects.get(pk=result.id)
    row.status = TaskResultStatus.FAILED
    row.started_at = row.finished_at = timezone.now()
    row.exception_class_path = "smtplib.SMTPServerDisconnected"
    row.traceback = TRACEBACK
    row.save()
    return row


def beat(*, minutes_ago: float, kind: ProcessKind = ProcessKind.WORKER) -> Heartbeat:
    at = timezone.now() - dt.timedelta(minutes=minutes_ago)
    return Heartbeat.objects.create(
        kind=kind, hostname="worker-1", pid=4242, started_at=at, last_beat=at, tasks_done=3
    )
