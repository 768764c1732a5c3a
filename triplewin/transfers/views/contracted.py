"""Contracted services: what a company pays an organisation outside the partnership."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from triplewin.organisations.models import Organisation, OrgType
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page
from triplewin.submissions.once import one_time_form, saving_once
from triplewin.transfers import authority, contracted
from triplewin.transfers.forms import ContractedPublishedForm, ContractedServiceForm
from triplewin.transfers.models import ContractedService
from triplewin.transfers.routes import LABELS, route_for
from triplewin.transfers.views._access import recording_companies_or_403


def _back(project: Project) -> dict[str, str]:
    return {"href": reverse("transfers:contracted", args=[project.pk]), "text": "Back"}


def _providers(project: Project) -> list[Organisation]:
    partners = project.partners.values("organisation_id")
    return list(
        Organisation.objects.exclude(pk__in=partners)
        .exclude(org_type=OrgType.PHARMACEUTICAL)
        .order_by("name")
    )


def contracted_list(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    rows = list(
        ContractedService.objects.filter(project=project).select_related("company", "provider")
    )
    recording = {c.pk for c in authority.recording_companies(request.user, project)}
    return page(
        request,
        "transfers/contracted.jinja",
        title=f"Contracted services: {project.title}",
        nav="projects",
        project=project,
        rows=[
            {
                "row": r,
                "route": LABELS[route_for(r.provider)],
                "can_change": r.company_id in recording,
            }
            for r in rows
        ],
        can_record=bool(recording),
        back_link={"href": reverse("transfers:list", args=[project.pk]), "text": "Back"},
    )


@one_time_form
@require_http_methods(["GET", "POST"])
def contracted_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    companies = recording_companies_or_403(request, project)
    form = ContractedServiceForm(
        request.POST or None, companies=companies, providers=_providers(project)
    )
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                contracted.contracted_service_record(
                    actor=actor(request), project=project, **form.service_fields()
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Contracted service recorded.")
            return redirect("transfers:contracted", pk=project.pk)
    return page(
        request,
        "transfers/contracted_edit.jinja",
        title=f"Record a contracted service: {project.title}",
        nav="projects",
        project=project,
        form=form,
        back_link=_back(project),
    )


@require_http_methods(["GET", "POST"])
def contracted_published(request: HttpRequest, pk: int, row_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    recording_companies_or_403(request, project)
    row = (
        ContractedService.objects.filter(project=project, pk=row_pk)
        .select_related("company", "provider", "project")
        .first()
    )
    if row is None:
        raise Http404("No such contracted service.")
    form = ContractedPublishedForm(
        request.POST or None,
        initial={
            "published_url": row.published_url,
            "published_on": row.published_on,
            "row_version": row.row_version,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            contracted.contracted_service_published(
                actor=actor(request),
                row=row,
                published_url=form.cleaned_data["published_url"],
                published_on=form.cleaned_data["published_on"],
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Publication recorded.")
            return redirect("transfers:contracted", pk=project.pk)
    return page(
        request,
        "transfers/contracted_published.jinja",
        title=f"Where the value is published: {project.title}",
        nav="projects",
        project=project,
        row=row,
        form=form,
        back_link=_back(project),
    )
