from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from health_check.checks import Cache, Database  # type: ignore[import-untyped]
from health_check.exceptions import ServiceUnavailable  # type: ignore[import-untyped]

from triplewin.monitoring.tests.conftest import beat
from triplewin.obligations.tasks import send_daily_reminders

pytestmark = pytest.mark.django_db

SIGNED_IN = ("nhs_lead", "outsider", "anonymous")


def _broken(self: Any) -> None:
    raise ServiceUnavailable("connection to secret-host.internal as admin refused")


@pytest.mark.parametrize("role", SIGNED_IN)
def test_live_answers_everyone_without_sign_in(client_for: Any, role: str) -> None:
    response = client_for(role).get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_live_does_not_touch_the_database(client: Client, django_assert_num_queries: Any) -> None:
    with django_assert_num_queries(0):
        assert client.get("/health/live").status_code == 200


@pytest.mark.parametrize("role", SIGNED_IN)
def test_ready_answers_everyone_when_all_is_well(client_for: Any, role: str) -> None:
    response = client_for(role).get("/health/ready")
    assert response.status_code == 200, response.content
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok", "task_queue": "ok"},
    }


@pytest.mark.parametrize(("check", "name"), [(Database, "database"), (Cache, "cache")])
def test_ready_fails_when_a_service_is_down_and_keeps_the_reason_private(
    client: Client, monkeypatch: pytest.MonkeyPatch, check: type, name: str
) -> None:
    monkeypatch.setattr(check, "run", _broken)
    response = client.get("/health/ready")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing"
    assert body["checks"][name] == "failing"
    assert [n for n, v in body["checks"].items() if v == "failing"] == [name]
    assert b"secret-host" not in response.content
    assert b"admin" not in response.content


def _queue_a_task(*, minutes_ago: int) -> None:
    send_daily_reminders.enqueue()
    DBTaskResult.objects.update(enqueued_at=timezone.now() - dt.timedelta(minutes=minutes_ago))


def test_ready_fails_when_the_oldest_waiting_task_is_older_than_the_limit(
    client: Client, settings: Any
) -> None:
    settings.TASK_QUEUE_MAX_WAIT_MINUTES = 15
    _queue_a_task(minutes_ago=16)
    beat(minutes_ago=0)  # even with a worker beating: it is not taking tasks
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["task_queue"] == "failing"


def test_ready_passes_while_the_oldest_task_is_within_the_limit(
    client: Client, settings: Any
) -> None:
    settings.TASK_QUEUE_MAX_WAIT_MINUTES = 15
    _queue_a_task(minutes_ago=14)
    beat(minutes_ago=1)  # a worker is alive, only busy: the wait limit alone decides
    assert client.get("/health/ready").status_code == 200


def test_a_task_scheduled_for_later_is_not_waiting(client: Client) -> None:
    send_daily_reminders.using(run_after=timezone.now() + dt.timedelta(hours=2)).enqueue()
    DBTaskResult.objects.update(enqueued_at=timezone.now() - dt.timedelta(days=1))
    assert client.get("/health/ready").status_code == 200


def test_answers_are_json_with_the_security_headers_intact(client: Client) -> None:
    response = client.get("/health/ready")
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["status"] == "ok"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_health_is_not_redirected_to_https(client: Client, settings: Any) -> None:
    # The load balancer probes over plain HTTP inside the network.
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/health/live").status_code == 200
    assert client.get("/").status_code == 301


def test_someone_who_must_set_up_two_factor_is_not_redirected_from_the_endpoints(
    client: Client,
) -> None:
    admin = get_user_model().objects.create_superuser(
        "admin@example.test", email="admin@example.test"
    )
    client.force_login(admin)
    assert client.get("/projects/").status_code == 302
    assert client.get("/health/live").status_code == 200
    assert client.get("/health/ready").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 200
