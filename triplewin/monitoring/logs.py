"""Structured logs: one line per event, carrying the request id or the task id (ADR 0037).

django-structlog binds `request_id` for each request; the task worker's lines get `task_id`
from django-tasks' started/finished signals (django-structlog's own task support needs
Django 6's `django.tasks`). Lines from plain `logging` loggers (Django, libraries, our own
modules) pass through the same formatter, so they carry the ids too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import structlog
from django.http import HttpRequest, HttpResponse
from django_tasks.signals import task_finished, task_started

REQUEST_ID_HEADER = "X-Request-ID"

_SHARED: list[Any] = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_logger_name,
    structlog.stdlib.add_log_level,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]


def formatter(renderer: str = "json") -> structlog.stdlib.ProcessorFormatter:
    """The logging formatter named in settings.LOGGING: "json" or "console"."""
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *_SHARED,
            structlog.stdlib.PositionalArgumentsFormatter(),
            structlog.processors.StackInfoRenderer(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    final: Any = (
        structlog.dev.ConsoleRenderer()
        if renderer == "console"
        else structlog.processors.JSONRenderer()
    )
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[*_SHARED, structlog.stdlib.ExtraAdder()],
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            final,
        ],
    )


class RequestIdHeaderMiddleware:
    """Returns the request id as a header, so a user's report can be matched to the logs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        request_id = structlog.contextvars.get_contextvars().get("request_id")
        if request_id:
            response[REQUEST_ID_HEADER] = str(request_id)
        return response


def _task_started(sender: Any, task_result: Any, **kwargs: Any) -> None:
    structlog.contextvars.clear_contextvars()
    structlog.contextvars.bind_contextvars(task_id=str(task_result.id))


def _task_finished(sender: Any, task_result: Any, **kwargs: Any) -> None:
    structlog.contextvars.clear_contextvars()


def connect_task_signals() -> None:
    task_started.connect(_task_started, dispatch_uid="triplewin.monitoring.task_started")
    task_finished.connect(_task_finished, dispatch_uid="triplewin.monitoring.task_finished")
