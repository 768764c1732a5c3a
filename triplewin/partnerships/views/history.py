"""A project's history: every lifecycle step and every audited change."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from triplewin.partnerships import access
from triplewin.partnerships.presenters.chain import chain_summary
from triplewin.partnerships.presenters.history import HistoryEntry
from triplewin.partnerships.views._helpers import page
from triplewin.partnerships.visibility import HISTORY_NOTE, Visibility

MAX_EVENTS = 500


def history(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    seen = Visibility.of(request.user, project)
    events = seen.audit_events()[:MAX_EVENTS]
    return page(
        request,
        "partnerships/history.jinja",
        title=f"History: {project.title}",
        nav="projects",
        project=project,
        transitions=project.transitions.all(),
        entries=[HistoryEntry(e) for e in events],
        chain=chain_summary(project.pk, seen=seen),
        hidden_note="" if seen.sees_nhs_only else HISTORY_NOTE,
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to project"},
    )
