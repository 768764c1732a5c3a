"""The learning page of a project: the review, the survey and the self-assessment at a glance."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from triplewin.learning import selectors
from triplewin.learning.access import can_self_assess
from triplewin.learning.presenters.principles import TrendPresenter
from triplewin.learning.views.survey import survey_presenter
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import page


def overview(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    return page(
        request,
        "learning/overview.jinja",
        title=f"Learning from the project: {project.title}",
        nav="projects",
        project=project,
        entries=selectors.review_entries(project),
        s=survey_presenter(project, request.user),
        t=TrendPresenter(selectors.trend(project), []),
        can_edit=access.can_edit(request.user, project),
        can_assess=can_self_assess(request.user, project),
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to project"},
    )
