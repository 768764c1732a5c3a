"""Composite success criteria: defining them, adding conditions, and the per-site results."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from triplewin.kpis import access as kpi_access
from triplewin.kpis import services
from triplewin.kpis.forms import ConditionForm, CriterionForm
from triplewin.kpis.models import CriterionCondition
from triplewin.kpis.presenters.pages import CriteriaPresenter
from triplewin.kpis.views._shared import abilities, back_to_dashboard
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once


@require_GET
def criteria(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    return page(
        request,
        "kpis/criteria.jinja",
        title=f"Success criteria: {project.title}",
        nav="projects",
        project=project,
        c=CriteriaPresenter(project, request.user),
        back_link=back_to_dashboard(project),
        **abilities(request.user, project),
    )


@one_time_form
@require_http_methods(["GET", "POST"])
def criterion_create(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    form = CriterionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                criterion = services.criterion_create(
                    actor=actor(request),
                    project=project,
                    name=form.cleaned_data["name"],
                    description=form.cleaned_data["description"],
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, f"Criterion '{criterion.name}' added. Now add its conditions."
            )
            return redirect("kpis:conditions", pk=project.pk, criterion=criterion.pk)
    return page(
        request,
        "kpis/criterion_create.jinja",
        title=f"Add a success criterion: {project.title}",
        nav="projects",
        project=project,
        form=form,
        back_link={"href": f"/projects/{project.pk}/kpis/criteria/", "text": "Back to criteria"},
    )


@one_time_form
@require_http_methods(["GET", "POST"])
def conditions(request: HttpRequest, pk: int, criterion: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    found = kpi_access.criterion_or_404(request.user, project, criterion)
    require_edit(request, project)
    form = ConditionForm(
        request.POST if request.method == "POST" else None,
        kpis=kpi_access.visible_kpis(request.user, project),
    )
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                services.condition_add(
                    actor=actor(request),
                    criterion=found,
                    kpi=form.cleaned_data["kpi"],
                    comparison=form.cleaned_data["comparison"],
                    threshold=form.cleaned_data["threshold"],
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Condition added.")
            return redirect("kpis:conditions", pk=project.pk, criterion=found.pk)
    return page(
        request,
        "kpis/conditions.jinja",
        title=f"Conditions of {found.name}",
        nav="projects",
        project=project,
        criterion=found,
        existing=list(found.conditions.select_related("kpi")),
        form=form,
        back_link={"href": f"/projects/{project.pk}/kpis/criteria/", "text": "Back to criteria"},
    )


@require_POST
def condition_remove(request: HttpRequest, pk: int, criterion: int, condition: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    found = kpi_access.criterion_or_404(request.user, project, criterion)
    require_edit(request, project)
    item = (
        CriterionCondition.objects.filter(pk=condition, criterion=found)
        .select_related("criterion", "kpi")
        .first()
    )
    if item is None:
        raise Http404("No such condition.")
    try:
        services.condition_remove(actor=actor(request), condition=item)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Condition removed.")
    return redirect("kpis:conditions", pk=project.pk, criterion=found.pk)
