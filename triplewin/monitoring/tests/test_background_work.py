"""The background work page and its retry button, as each role (issue 19)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests.roles import ROLES
from triplewin.audit.models import AuditEvent
from triplewin.monitoring.models import ProcessKind, TaskRetry
from triplewin.monitoring.tests.conftest import beat, failed_task
from triplewin.obligations.tasks import send_daily_reminders

pytestmark = pytest.mark.django_db

PAGE = "/background-work/"
EVERYONE = (*ROLES, "platform_admin")
# Pinned here, not read from the access module: who may watch and retry.
SEES = {
    "nhs_lead": 404,
    "industry_lead": 404,
    # On a company's committee, and an oversight lead of another ICB: that role is enough.
    "governance_member": 200,
    "team_member": 404,
    "oversight": 200,
    "outsider": 404,
    "anonymous": 302,
    "platform_admin": 200,
}


def _retry(task: DBTaskResult[Any, Any]) -> str:
    return f"{PAGE}{task.pk}/retry"


@pytest.mark.parametrize("role", EVERYONE)
def test_who_sees_the_page(client_as: Any, role: str) -> None:
    response = client_as(role).get(PAGE)
    assert response.status_code == SEES[role]
    if role == "anonymous":
        assert response["Location"].startswith("/accounts/sign-in/")


@pytest.mark.parametrize("role", EVERYONE)
def test_who_may_retry(client_as: Any, role: str) -> None:
    failed = failed_task()
    response = client_as(role).post(_retry(failed))
    # The allowed are sent back to the page, anonymous to sign in, the rest are told nothing.
    assert response.status_code == (404 if SEES[role] == 404 else 302)
    retried = TaskRetry.objects.filter(failed_task_id=failed.pk).exists()
    assert retried is (SEES[role] == 200)
    if SEES[role] == 200:
        assert response["Location"] == PAGE
    else:
        assert DBTaskResult.objects.count() == 1


@pytest.mark.parametrize("role", ["nhs_lead", "outsider"])
def test_outsiders_are_not_told_the_retry_exists(client_as: Any, role: str) -> None:
    failed = failed_task()
    assert client_as(role).post(_retry(failed)).status_code == 404


def test_retry_is_post_only_and_needs_the_csrf_token(platform_admin: Any) -> None:
    failed = failed_task()
    client = Client(enforce_csrf_checks=True)
    client.force_login(platform_admin)
    assert client.get(_retry(failed)).status_code == 405
    assert client.post(_retry(failed)).status_code == 403
    assert not TaskRetry.objects.exists()


def test_a_healthy_queue(client_as: Any) -> None:
    beat(minutes_ago=2)
    beat(minutes_ago=0.2, kind=ProcessKind.SCHEDULER)
    send_daily_reminders.enqueue("2025-06-25")
    text = client_as("oversight").get(PAGE).content.decode()
    assert "No task worker is running" not in text
    assert "2 minutes ago" in text
    assert "less than a minute ago" in text
    assert "worker-1, process 4242" in text
    assert "No task has failed." in text


def test_the_red_state_when_tasks_wait_and_no_worker_beats(client_as: Any) -> None:
    beat(minutes_ago=11)
    send_daily_reminders.enqueue("2025-06-25")
    text = client_as("oversight").get(PAGE).content.decode()
    assert "nhsuk-error-summary" in text
    assert "No task worker is running" in text
    assert "1 task waiting" in text
    assert "manage.py run_worker --no-reload" in text
    assert "11 minutes ago" in text
    assert "Silent" in text


def test_failed_tasks_show_the_error_and_only_administrators_the_traceback(
    client_as: Any,
) -> None:
    failed_task()
    for role, sees_traceback in (("oversight", False), ("platform_admin", True)):
        text = client_as(role).get(PAGE).content.decode()
        assert "send_daily_reminders" in text
        assert "SMTPServerDisconnected" in text
        assert "Connection unexpectedly closed" in text
        assert "Retry this task" in text
        assert ("/srv/triplewin/obligations/reminders.py" in text) is sees_traceback


def test_retry_queues_the_same_task_with_the_same_arguments_and_audits_it(
    client_as: Any, oversight: Any
) -> None:
    failed = failed_task(today_iso="2025-06-25")
    response = client_as("oversight").post(_retry(failed), follow=True)
    assert "The task send_daily_reminders was queued again." in response.content.decode()
    again = DBTaskResult.objects.exclude(pk=failed.pk).get()
    assert again.task_path == failed.task_path
    assert again.args_kwargs == {"args": ["2025-06-25"], "kwargs": {}}
    assert again.status == TaskResultStatus.READY
    event = AuditEvent.objects.get(action="task.retried")
    assert event.actor == oversight
    assert event.changes["retry_task_id"] == [None, str(again.pk)]
    text = client_as("platform_admin").get(PAGE).content.decode()
    assert "Retried by" in text


def test_a_second_retry_and_a_retry_of_a_task_that_did_not_fail_get_a_plain_message(
    client_as: Any,
) -> None:
    failed = failed_task()
    client = client_as("platform_admin")
    client.post(_retry(failed))
    second = client.post(_retry(failed), follow=True)
    assert second.status_code == 200
    assert "This task was already retried by" in second.content.decode()
    assert DBTaskResult.objects.count() == 2
    waiting = DBTaskResult.objects.exclude(pk=failed.pk).get()
    answer = client.post(_retry(waiting), follow=True)
    assert answer.status_code == 200
    assert "This task has not failed, so there is nothing to retry." in answer.content.decode()
    assert DBTaskResult.objects.count() == 2
    assert AuditEvent.objects.filter(action="task.retried").count() == 1


def test_a_task_that_no_longer_exists(client_as: Any) -> None:
    failed = failed_task()
    DBTaskResult.objects.filter(pk=failed.pk).delete()
    response = client_as("platform_admin").post(_retry(failed), follow=True)
    assert response.status_code == 200
    assert "There is no such task any more." in response.content.decode()


def test_the_page_is_linked_from_the_oversight_dashboard_and_the_people_page(
    client_as: Any,
) -> None:
    assert PAGE in client_as("oversight").get("/oversight/").content.decode()
    assert PAGE in client_as("platform_admin").get("/organisations/").content.decode()
