"""Listing, adding, changing and removing contributions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods

from triplewin.contributions import services
from triplewin.contributions.forms import ContributionForm, RemoveForm
from triplewin.contributions.models import Contribution
from triplewin.contributions.presenters import ContributionsPresenter
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once
from triplewin.submissions.versions import without_version


def _back(project: Project) -> dict[str, str]:
    return {"href": f"/projects/{project.pk}/contributions/", "text": "Back to contributions"}


def contribution_list(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    return page(
        request,
        "contributions/list.jinja",
        title=f"Contributions: {project.title}",
        nav="projects",
        project=project,
        c=ContributionsPresenter(project),
        can_edit=access.can_edit(request.user, project),
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to project"},
    )


def _form_page(
    request: HttpRequest, project: Project, form: ContributionForm, *, adding: bool
) -> HttpResponse:
    return page(
        request,
        "contributions/form.jinja",
        title=f"{'Add' if adding else 'Change'} a contribution: {project.title}",
        nav="projects",
        project=project,
        form=form,
        adding=adding,
        back_link=_back(project),
    )


@one_time_form
@require_http_methods(["GET", "POST"])
def contribution_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    partners = [p.organisation for p in project.partners.all()]
    form = without_version(
        ContributionForm(request.POST if request.method == "POST" else None, partners=partners)
    )
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                services.contribution_add(
                    actor=actor(request), project=project, fields=form.contribution_fields()
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Contribution added.")
            return redirect("contributions:list", pk=project.pk)
    return _form_page(request, project, form, adding=True)


@require_http_methods(["GET", "POST"])
def contribution_edit(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    contribution = get_object_or_404(Contribution, pk=item_pk, project=project)
    partners = [p.organisation for p in project.partners.all()]
    form = ContributionForm(
        request.POST if request.method == "POST" else None,
        partners=partners,
        initial=ContributionForm.initial_for(contribution),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.contribution_update(
                actor=actor(request),
                contribution=contribution,
                fields=form.contribution_fields(),
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Contribution saved.")
            return redirect("contributions:list", pk=project.pk)
    return _form_page(request, project, form, adding=False)


@require_http_methods(["GET", "POST"])
def contribution_remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    contribution = get_object_or_404(
        Contribution.objects.select_related("organisation"), pk=item_pk, project=project
    )
    form = RemoveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        try:
            services.contribution_remove(actor=actor(request), contribution=contribution)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Contribution removed.")
            return redirect("contributions:list", pk=project.pk)
    return page(
        request,
        "contributions/remove.jinja",
        title=f"Remove a contribution: {project.title}",
        nav="projects",
        project=project,
        contribution=contribution,
        form=form,
        back_link=_back(project),
    )
