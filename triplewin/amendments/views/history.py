"""Every PID version and amendment in order, with what changed between versions."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from triplewin.amendments.presenters.history import history
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import page


def pid_history(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    return page(
        request,
        "amendments/history.jinja",
        title=f"PID history: {project.title}",
        nav="projects",
        project=project,
        entries=history(project),
        back_link={
            "href": reverse("amendments:list", args=[project.pk]),
            "text": "Back to amendments",
        },
    )
