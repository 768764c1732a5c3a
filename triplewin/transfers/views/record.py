"""Recording, changing and removing a transfer of value."""

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
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page
from triplewin.submissions.once import one_time_form, saving_once
from triplewin.submissions.versions import without_version
from triplewin.transfers import authority, services
from triplewin.transfers.forms import TransferForm
from triplewin.transfers.models import TransferOfValue
from triplewin.transfers.views._access import recording_companies_or_403


def _back(project: Project) -> dict[str, str]:
    return {
        "href": reverse("transfers:list", args=[project.pk]),
        "text": "Back to transfers of value",
    }


def _transfer_or_404(project: Project, tov_pk: int) -> TransferOfValue:
    tov = (
        TransferOfValue.objects.filter(project=project, pk=tov_pk)
        .select_related("company", "recipient", "project")
        .first()
    )
    if tov is None:
        raise Http404("No such transfer of value.")
    return tov


@one_time_form
@require_http_methods(["GET", "POST"])
def transfer_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    companies = recording_companies_or_403(request, project)
    form = without_version(
        TransferForm(
            request.POST or None, companies=companies, recipients=authority.recipients(project)
        )
    )
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                services.tov_record(actor=actor(request), project=project, **form.service_fields())
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Transfer of value recorded.")
            return redirect("transfers:list", pk=project.pk)
    return page(
        request,
        "transfers/edit.jinja",
        title=f"Record a transfer of value: {project.title}",
        nav="projects",
        project=project,
        form=form,
        heading="Record a transfer of value",
        back_link=_back(project),
    )


@require_http_methods(["GET", "POST"])
def transfer_edit(request: HttpRequest, pk: int, tov_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    companies = recording_companies_or_403(request, project)
    tov = _transfer_or_404(project, tov_pk)
    initial = {
        "company": tov.company_id,
        "recipient": tov.recipient_id,
        "year": tov.year,
        "category": tov.category,
        "amount_money": tov.amount_money,
        "amount_benefits_in_kind": tov.amount_benefits_in_kind,
        "is_correction": tov.is_correction,
        "note": tov.note,
        "row_version": tov.row_version,
    }
    form = TransferForm(
        request.POST or None,
        companies=[c for c in companies if c.pk == tov.company_id],
        recipients=authority.recipients(project),
        lock_company=True,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        fields.pop("company")
        try:
            services.tov_update(
                actor=actor(request),
                tov=tov,
                expected_version=form.cleaned_data["row_version"],
                **fields,
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Transfer of value saved.")
            return redirect("transfers:list", pk=project.pk)
    return page(
        request,
        "transfers/edit.jinja",
        title=f"Change a transfer of value: {project.title}",
        nav="projects",
        project=project,
        form=form,
        tov=tov,
        heading="Change a transfer of value",
        back_link=_back(project),
    )


@require_http_methods(["GET", "POST"])
def transfer_delete(request: HttpRequest, pk: int, tov_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    recording_companies_or_403(request, project)
    tov = _transfer_or_404(project, tov_pk)
    error = ""
    if request.method == "POST":
        try:
            services.tov_delete(actor=actor(request), tov=tov)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            messages.success(request, "Transfer of value removed.")
            return redirect("transfers:list", pk=project.pk)
    return page(
        request,
        "transfers/delete.jinja",
        title=f"Remove a transfer of value: {project.title}",
        status=400 if error else 200,
        nav="projects",
        project=project,
        tov=tov,
        error=error,
        back_link=_back(project),
    )
