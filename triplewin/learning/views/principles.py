"""The nine-principles self-assessment: the trend over time, and scoring the project."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from triplewin.core import principles
from triplewin.learning import selectors, services
from triplewin.learning.access import can_self_assess
from triplewin.learning.forms import AssessmentForm
from triplewin.learning.presenters.principles import TrendPresenter, domain_groups, history
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page


def trend(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    recent = selectors.assessments(project)
    return page(
        request,
        "learning/principles.jinja",
        title=f"The nine principles: {project.title}",
        nav="projects",
        project=project,
        t=TrendPresenter(selectors.trend(project), recent),
        history=history(recent),
        groups=domain_groups(),
        can_assess=can_self_assess(request.user, project),
        back_link={"href": f"/projects/{project.pk}/learning/", "text": "Back to learning"},
    )


@require_http_methods(["GET", "POST"])
def assess(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    if not can_self_assess(request.user, project):
        raise PermissionDenied("Only members of the project can assess it against the principles.")
    today = timezone.localdate()
    initial: dict[str, object] = {"assessed_on": today}
    existing = selectors.own_assessment(project, request.user, today)
    if existing is not None:
        for s in existing.scores.all():
            initial[f"score_{s.principle}"] = str(s.score)
            initial[f"comment_{s.principle}"] = s.comment
    form = AssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_save(
                actor=actor(request),
                project=project,
                assessed_on=form.cleaned_data["assessed_on"],
                scores=form.scores(),
                comments=form.comments(),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Your assessment against the nine principles is saved.")
            return redirect("learning:principles", pk=project.pk)
    return page(
        request,
        "learning/assess.jinja",
        title=f"Assess the project against the nine principles: {project.title}",
        nav="projects",
        project=project,
        form=form,
        groups=domain_groups(),
        scale=principles.SCALE,
        replacing=existing is not None,
        back_link={
            "href": f"/projects/{project.pk}/learning/principles/",
            "text": "Back to the principles",
        },
    )
