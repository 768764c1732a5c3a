"""A project's history: every lifecycle step and every audited change."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from triplewin.audit.models import AuditEvent
from triplewin.partnerships import access
from triplewin.partnerships.presenters.chain import chain_summary
from triplewin.partnerships.presenters.history import HistoryEntry
from triplewin.partnerships.views._helpers import page

MAX_EVENTS = 500


def history(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    events = AuditEvent.objects.for_project(project.pk)[:MAX_EVENTS]
    return page(
        request,
        "partnerships/history.jinja",
        title=f"History: {project.title}",
        nav="projects",
        project=project,
        transitions=project.transitions.all(),
        entries=[HistoryEntry(e) for e in events],
        chain=chain_summary(project.pk),
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to project"},
    )
