from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from triplewin.obligations.models import ReminderKind, ReminderSent

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["nhs_lead", "outsider", "anonymous"])
def test_metrics_are_hidden_from_addresses_not_allowed(client_for: Any, role: str) -> None:
    response = client_for(role).get("/metrics", REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 404
    assert b"django_http" not in response.content


def test_a_forged_forwarding_header_does_not_get_in(client: Client, settings: Any) -> None:
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    response = client.get(
        "/metrics", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="127.0.0.1, 203.0.113.9"
    )
    assert response.status_code == 404


def test_metrics_behind_the_proxy_use_the_address_it_reports(client: Client, settings: Any) -> None:
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.METRICS_ALLOWED_IPS = ["10.1.2.3"]
    response = client.get("/metrics", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="10.1.2.3")
    assert response.status_code == 200


@pytest.mark.parametrize("role", ["nhs_lead", "anonymous"])
def test_allowed_address_gets_latency_per_view_queue_depth_and_reminders(
    client_for: Any, role: str, nhs_lead: Any, project: Any
) -> None:
    client = client_for(role)
    client.get("/health/live")
    ReminderSent.objects.create(
        project=project,
        obligation_key="k",
        due_on=dt.date(2026, 12, 1),
        recipient=nhs_lead,
        recipient_email=nhs_lead.email,
        kind=next(iter(ReminderKind)),
    )
    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 200
    text = response.content.decode()
    latency = "django_http_requests_latency_seconds_by_view_method_count"
    assert f'{latency}{{method="GET",view="monitoring:live"}}' in text
    assert "triplewin_task_queue_depth 0.0" in text
    assert "triplewin_reminders_sent_total{kind=" in text
    assert "} 1.0" in text.split("triplewin_reminders_sent_total{kind=")[1]
