"""All five plans of one project on one page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from triplewin.core import resources
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import page
from triplewin.plans.presenters import PlansPresenter


def overview(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    return page(
        request,
        "plans/overview.jinja",
        title=f"Plans: {project.title}",
        nav="projects",
        project=project,
        p=PlansPresenter(project),
        stakeholders=resources.STAKEHOLDER_GROUPS,
        stakeholder_prompts=resources.STAKEHOLDER_PROMPTS,
        stakeholder_source=resources.STAKEHOLDER_SOURCE,
        can_edit=access.can_edit(request.user, project),
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to project"},
    )
