"""`/health/live` and `/health/ready` for load balancers and orchestrators (ADR 0037).

Answers are plain JSON naming each check as "ok" or "failing", never the error itself: the
endpoints are public and an error message can carry a host name or a user name. The reason is
logged (by django-health-check, at warning level) for whoever runs the service.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from typing import Any

from asgiref.sync import async_to_sync, sync_to_async
from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET
from health_check.base import HealthCheck  # type: ignore[import-untyped]
from health_check.checks import Cache, Database, Storage  # type: ignore[import-untyped]
from health_check.exceptions import ServiceUnavailable  # type: ignore[import-untyped]

from triplewin.monitoring import queue
from triplewin.operations.storage import ALIAS


@dataclasses.dataclass
class PrivateFiles(Storage):
    """Writes, reads and deletes a probe file where signed agreements are kept (ADR 0040)."""

    alias: str = ALIAS


def _queue_problem() -> str:
    """Why the queue is unhealthy, or "" when it is not."""
    if queue.workers_stopped():
        return "Tasks are waiting and no task worker has beaten for ten minutes."
    waited = queue.oldest_wait()
    limit = dt.timedelta(minutes=settings.TASK_QUEUE_MAX_WAIT_MINUTES)
    if waited is not None and waited > limit:
        return "The oldest waiting task is older than the limit."
    return ""


@dataclasses.dataclass
class TaskQueue(HealthCheck):
    """Fails when tasks wait and no worker has beaten for ten minutes (the rule the queue page
    shows in red), or when a runnable task has waited longer than TASK_QUEUE_MAX_WAIT_MINUTES.

    Either means no worker is taking tasks (none running, or all stuck), so reminders and
    other background work have stopped.
    """

    async def run(self) -> None:
        # Thread-sensitive: the queries share the request's connection (and, in tests, its
        # transaction) instead of opening one in a worker thread.
        problem = await sync_to_async(_queue_problem)()
        if problem:
            raise ServiceUnavailable(problem)


READY_CHECKS: dict[str, type[HealthCheck]] = {
    "database": Database,
    "cache": Cache,
    "storage": PrivateFiles,
    "task_queue": TaskQueue,
}


def _answer(body: dict[str, Any], *, status: int) -> JsonResponse:
    response = JsonResponse(body, status=status)
    add_never_cache_headers(response)
    return response


@require_GET
def live(request: HttpRequest) -> JsonResponse:
    """The process answers. No database: a database outage must not restart every server."""
    return _answer({"status": "ok"}, status=200)


async def _results() -> dict[str, bool]:
    names = list(READY_CHECKS)
    results = await asyncio.gather(*(READY_CHECKS[name]().get_result() for name in names))
    return {name: result.error is None for name, result in zip(names, results, strict=True)}


@require_GET
def ready(request: HttpRequest) -> JsonResponse:
    """Every shared service this server needs to do its work answers."""
    passed = async_to_sync(_results)()
    healthy = all(passed.values())
    return _answer(
        {
            "status": "ok" if healthy else "failing",
            "checks": {name: "ok" if ok else "failing" for name, ok in passed.items()},
        },
        status=200 if healthy else 503,
    )
