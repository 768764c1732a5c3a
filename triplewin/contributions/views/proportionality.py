"""Is each party's contribution proportionate? Totals, shares and prompts to check."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from triplewin.contributions.presenters import ProportionalityPresenter
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import page


def proportionality(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    return page(
        request,
        "contributions/proportionality.jinja",
        title=f"Is every contribution significant? {project.title}",
        nav="projects",
        project=project,
        p=ProportionalityPresenter(project),
        back_link={
            "href": f"/projects/{project.pk}/contributions/",
            "text": "Back to contributions",
        },
    )
