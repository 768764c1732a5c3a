"""Naming the organisations that sign, and recording when each signed."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.agreement import services
from triplewin.agreement.forms import PartyForm, RemoveForm, SignatoryForm, SignForm
from triplewin.agreement.models import AgreementParty
from triplewin.agreement.selectors import party_signatures
from triplewin.agreement.services import SignResult
from triplewin.agreement.views._shared import back_to_agreement, party_or_404
from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.presenters import decision_notice
from triplewin.organisations.models import Organisation
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once


@one_time_form
@require_http_methods(["GET", "POST"])
def party_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    partner_ids = {p.organisation_id for p in project.partners.all()}
    organisations = sorted(
        Organisation.objects.all(), key=lambda o: (o.pk not in partner_ids, o.name)
    )
    form = PartyForm(
        request.POST if request.method == "POST" else None, organisations=organisations
    )
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                party = services.party_add(
                    actor=actor(request),
                    project=project,
                    organisation=form.cleaned_data["organisation"],
                    signatory_name=form.cleaned_data["signatory_name"],
                    signatory_job_title=form.cleaned_data["signatory_job_title"],
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"{party.organisation} added as a party.")
            return redirect("agreement:detail", pk=project.pk)
    return page(
        request,
        "agreement/party_add.jinja",
        title=f"Add a party to the agreement: {project.title}",
        nav="projects",
        project=project,
        form=form,
        back_link=back_to_agreement(project),
    )


@require_http_methods(["GET", "POST"])
def party_edit(request: HttpRequest, pk: int, party_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    party = party_or_404(project, party_pk)
    form = SignatoryForm(
        request.POST if request.method == "POST" else None,
        initial={
            "signatory_name": party.signatory_name,
            "signatory_job_title": party.signatory_job_title,
            "row_version": party.row_version,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.party_update(
                actor=actor(request),
                party=party,
                signatory_name=form.cleaned_data["signatory_name"],
                signatory_job_title=form.cleaned_data["signatory_job_title"],
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"Signatory for {party.organisation} saved.")
            return redirect("agreement:detail", pk=project.pk)
    return page(
        request,
        "agreement/party_edit.jinja",
        title=f"Change the signatory for {party.organisation}",
        nav="projects",
        project=project,
        party=party,
        form=form,
        back_link=back_to_agreement(project),
    )


def _signed_message(result: SignResult) -> str:
    name = result.party.organisation.name
    if result.moved:
        return f"{name}'s signature recorded. Every party has signed: the project is now 'Agreement signed'."
    if result.blocked is not None:
        count = len(result.blocked.failed_blockers) or len(result.blocked.failed_risks)
        return (
            f"{name}'s signature recorded. Every party has signed, but the project cannot move "
            f"on to 'Agreement signed' yet: {count} rule{'s' if count != 1 else ''} must be "
            "settled first. The project page explains which."
        )
    return f"{name}'s signature recorded."


def _signed_on(project: Project, party: AgreementParty) -> dt.date | None:
    signature = party_signatures(project, [party])[party.pk]
    return signature.signed_on if signature else None


@require_http_methods(["GET", "POST"])
def party_sign(request: HttpRequest, pk: int, party_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    party = party_or_404(project, party_pk)
    form = SignForm(
        request.POST if request.method == "POST" else None,
        initial={"signed_on": _signed_on(project, party), "row_version": party.row_version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            result = services.party_sign(
                actor=actor(request),
                party=party,
                signed_on=form.cleaned_data["signed_on"],
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _signed_message(result))
            return redirect("agreement:detail", pk=project.pk)
    return page(
        request,
        "agreement/party_sign.jinja",
        title=f"Record {party.organisation}'s signature",
        nav="projects",
        conflict=decision_notice(request.user, project, DecisionKind.AGREEMENT_SIGNATURE),
        project=project,
        party=party,
        form=form,
        back_link=back_to_agreement(project),
    )


@require_http_methods(["GET", "POST"])
def party_remove(request: HttpRequest, pk: int, party_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    party = party_or_404(project, party_pk)
    form = RemoveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        try:
            services.party_remove(actor=actor(request), party=party)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"{party.organisation} removed from the agreement.")
            return redirect("agreement:detail", pk=project.pk)
    return page(
        request,
        "agreement/party_remove.jinja",
        title=f"Remove {party.organisation} from the agreement",
        nav="projects",
        project=project,
        party=party,
        form=form,
        back_link=back_to_agreement(project),
    )
