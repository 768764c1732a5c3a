from __future__ import annotations

import io
import json
import logging
from typing import Any

import pytest
import structlog
from django.test import Client
from django_tasks_db.models import DBTaskResult

from triplewin.monitoring import logs
from triplewin.obligations.tasks import send_daily_reminders

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["nhs_lead", "anonymous"])
def test_every_answer_carries_a_fresh_request_id(client_for: Any, role: str) -> None:
    client = client_for(role)
    first = client.get("/health/live")["X-Request-ID"]
    second = client.get("/")["X-Request-ID"]
    assert first
    assert second
    assert first != second


def test_the_lines_of_a_request_carry_its_request_id(client: Client) -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logs.formatter("json"))
    logger = logging.getLogger("django_structlog")
    logger.addHandler(handler)
    try:
        response = client.get("/health/live")
    finally:
        logger.removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert {line["event"] for line in lines} >= {"request_started", "request_finished"}
    assert {line["request_id"] for line in lines} == {response["X-Request-ID"]}
    assert all({"timestamp", "level", "logger"} <= line.keys() for line in lines)


def _format(record: logging.LogRecord, renderer: str) -> str:
    return logs.formatter(renderer).format(record)


def test_production_lines_are_json_with_the_bound_ids() -> None:
    structlog.contextvars.bind_contextvars(request_id="abc-123")
    try:
        record = logging.LogRecord(
            "triplewin.x", logging.WARNING, __file__, 1, "hi %s", ("there",), None
        )
        line = json.loads(_format(record, "json"))
    finally:
        structlog.contextvars.clear_contextvars()
    assert line["event"] == "hi there"
    assert line["request_id"] == "abc-123"
    assert line["level"] == "warning"
    assert line["logger"] == "triplewin.x"


def test_development_lines_are_readable_not_json() -> None:
    record = logging.LogRecord("triplewin.x", logging.WARNING, __file__, 1, "hello", (), None)
    line = _format(record, "console")
    assert "hello" in line
    with pytest.raises(json.JSONDecodeError):
        json.loads(line)


def test_the_task_workers_lines_carry_the_task_id() -> None:
    result = send_daily_reminders.enqueue()
    row = DBTaskResult.objects.get(id=result.id)
    seen: dict[str, Any] = {}

    def capture(*args: Any, **kwargs: Any) -> None:
        seen.update(structlog.contextvars.get_contextvars())

    from django_tasks.signals import task_started

    task_started.connect(capture, dispatch_uid="test-capture")
    try:
        task_started.send(sender=type(row), task_result=row.task_result)
    finally:
        task_started.disconnect(dispatch_uid="test-capture")
        structlog.contextvars.clear_contextvars()
    assert seen["task_id"] == str(result.id)
