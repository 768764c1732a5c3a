"""Drafting a case study from a finished project, for that project's partnership leads."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.core.lifecycle import STATES, State
from triplewin.library import services
from triplewin.library.models import CaseStudy
from triplewin.partnerships import access as project_access
from triplewin.partnerships.views._helpers import actor, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once


@one_time_form
@require_http_methods(["GET", "POST"])
def draft_from_project(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_access.visible_project_or_404(request.user, project_pk)
    require_edit(request, project)
    existing = CaseStudy.objects.filter(project=project).first()
    if existing is not None:
        return redirect("library:detail", pk=existing.pk)
    ready = project.state_enum is State.OUTCOMES_PUBLISHED
    error = ""
    if request.method == "POST" and ready:
        try:
            with saving_once(request):
                study = services.case_study_draft_from_project(
                    actor=actor(request), project=project
                )
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            messages.success(
                request,
                "A draft case study has been written from the project's records, with its outcomes, "
                "KPI results, lessons and contributions. Check it, then publish it.",
            )
            return redirect("library:detail", pk=study.pk)
    return page(
        request,
        "library/draft_from_project.jinja",
        title=f"Draft a case study: {project.title}",
        nav="library",
        project=project,
        ready=ready,
        state_label=STATES[project.state_enum].label,
        error=error,
        status=400 if request.method == "POST" else 200,
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to the project"},
    )
