"""Adding, changing and removing one entry of one plan."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.plans import services
from triplewin.plans.forms import FORMS, RemoveForm
from triplewin.plans.models import PlanEntry
from triplewin.plans.presenters import company_data_warning
from triplewin.plans.registry import PLANS_BY_SLUG, PlanSpec
from triplewin.submissions.once import one_time_form, saving_once
from triplewin.submissions.versions import without_version


def _spec(plan: str) -> PlanSpec:
    spec = PLANS_BY_SLUG.get(plan)
    if spec is None:
        raise Http404("No such plan.")
    return spec


def _entry(spec: PlanSpec, project: Project, entry_pk: int) -> PlanEntry:
    entry = spec.model._default_manager.filter(pk=entry_pk, project=project).first()
    if entry is None:
        raise Http404("No such entry.")
    return entry


def _back(project: Project, spec: PlanSpec) -> dict[str, str]:
    return {
        "href": reverse("plans:overview", args=[project.pk]) + f"#{spec.slug}",
        "text": "Back to the plans",
    }


def _saved(
    request: HttpRequest, project: Project, spec: PlanSpec, entry: PlanEntry
) -> HttpResponse:
    warning = company_data_warning(entry)
    if warning:
        messages.warning(request, f"Saved, with a warning: {warning}")
    else:
        messages.success(request, f"{spec.name}: saved.")
    return redirect(_back(project, spec)["href"])


@one_time_form
@require_http_methods(["GET", "POST"])
def entry_add(request: HttpRequest, pk: int, plan: str) -> HttpResponse:
    spec = _spec(plan)
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    form = without_version(FORMS[spec.slug](request.POST if request.method == "POST" else None))
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                entry = services.plan_entry_add(
                    actor=actor(request),
                    project=project,
                    plan=spec.slug,
                    fields=form.entry_fields(),
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return _saved(request, project, spec, entry)
    return page(
        request,
        "plans/entry.jinja",
        title=f"{spec.name}: add {spec.entry_noun}",
        nav="projects",
        project=project,
        spec=spec,
        form=form,
        adding=True,
        warning="",
        back_link=_back(project, spec),
    )


@require_http_methods(["GET", "POST"])
def entry_edit(request: HttpRequest, pk: int, plan: str, entry_pk: int) -> HttpResponse:
    spec = _spec(plan)
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    entry = _entry(spec, project, entry_pk)
    warning = company_data_warning(entry)
    form = FORMS[spec.slug](request.POST if request.method == "POST" else None, instance=entry)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.plan_entry_update(
                actor=actor(request),
                entry=entry,
                fields=form.entry_fields(),
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return _saved(request, project, spec, saved)
    return page(
        request,
        "plans/entry.jinja",
        title=f"{spec.name}: change {spec.entry_noun}",
        nav="projects",
        project=project,
        spec=spec,
        form=form,
        adding=False,
        warning=warning,
        back_link=_back(project, spec),
    )


@require_http_methods(["GET", "POST"])
def entry_remove(request: HttpRequest, pk: int, plan: str, entry_pk: int) -> HttpResponse:
    spec = _spec(plan)
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    entry = _entry(spec, project, entry_pk)
    form = RemoveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        try:
            services.plan_entry_remove(actor=actor(request), entry=entry)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"{spec.name}: {spec.entry_noun} removed.")
            return redirect(_back(project, spec)["href"])
    return page(
        request,
        "plans/remove.jinja",
        title=f"{spec.name}: remove {spec.entry_noun}",
        nav="projects",
        project=project,
        spec=spec,
        rows=list(spec.describe(entry).items()),
        form=form,
        back_link=_back(project, spec),
    )
