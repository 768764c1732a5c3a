"""Drafting a case study from a finished project, for that project's partnership leads.

There is no page for it: the button on the library's front page and on the published outcomes
summary posts here. Drafting changes nothing public and the draft can be discarded, so a
confirmation page added a step and protected nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from triplewin.library import services
from triplewin.library.models import CaseStudy
from triplewin.partnerships import access as project_access
from triplewin.partnerships.views._helpers import actor, require_edit
from triplewin.submissions.once import one_time_form, saving_once


@one_time_form
@require_POST
def draft_from_project(request: HttpRequest, project_pk: int) -> HttpResponse:
    project = project_access.visible_project_or_404(request.user, project_pk)
    require_edit(request, project)
    existing = CaseStudy.objects.filter(project=project).first()
    if existing is not None:
        return redirect("library:detail", pk=existing.pk)
    try:
        with saving_once(request):
            study = services.case_study_draft_from_project(actor=actor(request), project=project)
    except ValidationError as problem:
        messages.error(request, " ".join(problem.messages))
        return redirect("partnerships:detail", pk=project.pk)
    messages.success(
        request,
        "A draft case study has been written from the project's records, with its outcomes, "
        "KPI results, lessons and contributions. Only the project's partnership leads can see "
        "it. Check it, then publish it, or discard it.",
    )
    return redirect("library:detail", pk=study.pk)
