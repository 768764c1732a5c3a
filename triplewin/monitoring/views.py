"""The background work page: the task queue, the processes' heartbeats, and retrying."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from triplewin.monitoring import access, presenters, services
from triplewin.partnerships.views._helpers import actor, page


def _require_watcher(request: HttpRequest) -> None:
    # Not found rather than forbidden: the page is for the people who run the service, and
    # nobody else needs to learn that it exists.
    if not access.may_watch_background_work(request.user):
        raise Http404


@login_required
@require_GET
def background_work(request: HttpRequest) -> HttpResponse:
    _require_watcher(request)
    return page(
        request,
        "monitoring/background_work.jinja",
        title="Background work",
        board=presenters.background_work(
            now=timezone.now(), show_tracebacks=access.sees_tracebacks(request.user)
        ),
    )


@login_required
@require_POST
def retry(request: HttpRequest, task_id: uuid.UUID) -> HttpResponse:
    _require_watcher(request)
    outcome = services.task_retry(actor=actor(request), task_id=task_id)
    messages.info(request, outcome.message)
    return redirect("monitoring:background-work")
