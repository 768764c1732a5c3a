"""Certifying and approving an amendment, and recording the variation's signatures."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.amendments import services
from triplewin.amendments.forms.signoff import CertifyForm, DecisionForm, VariationForm
from triplewin.amendments.models import Amendment, AmendmentStatus, VariationAgreement
from triplewin.amendments.presenters.amendment import AmendmentPresenter
from triplewin.amendments.presenters.variation import variation_rows
from triplewin.amendments.views.amendments import back_to, get_amendment
from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.presenters import decision_notice
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.signoff import authority

DONE = "{amendment} is signed off and applied: the PID is now version {number}."


def _applied_message(amendment_pk: int, fallback: str) -> str:
    fresh = Amendment.objects.select_related("produced_version").get(pk=amendment_pk)
    if fresh.status == AmendmentStatus.APPROVED and fresh.produced_version:
        return DONE.format(amendment=fresh, number=fresh.produced_version.number)
    return fallback


@require_http_methods(["GET", "POST"])
def certify(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    organisations = authority.certifying_organisations(request.user, project)
    if not organisations:
        raise PermissionDenied(
            "Only a certification signatory of an industry partner in this project can certify "
            "an amendment."
        )
    amendment = get_amendment(project, number)
    form = CertifyForm(
        request.POST if request.method == "POST" else None,
        organisations=[(o.pk, o.name) for o in organisations],
        initial={"seen_hash": amendment.content_hash},
    )
    if request.method == "POST" and form.is_valid():
        chosen = next(o for o in organisations if o.pk == form.cleaned_data["organisation"])
        try:
            services.amendment_certify(
                actor=actor(request),
                amendment=amendment,
                organisation=chosen,
                seen_hash=form.cleaned_data["seen_hash"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _applied_message(amendment.pk, f"{amendment} is certified."))
            return redirect("amendments:detail", pk=project.pk, number=amendment.number)
    return page(
        request,
        "amendments/certify.jinja",
        title=f"Certify {amendment}: {project.title}",
        nav="projects",
        conflict=decision_notice(request.user, project, DecisionKind.AMENDMENT_CERTIFICATION),
        project=project,
        a=amendment,
        p=AmendmentPresenter(amendment),
        form=form,
        back_link=back_to(amendment),
    )


@require_http_methods(["GET", "POST"])
def decide(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    bodies = authority.approval_bodies(request.user, project, "amendment")
    if not bodies:
        raise PermissionDenied(
            "Only the project team's chair or project manager, or a member of a partner's "
            "governance committee, can approve an amendment."
        )
    amendment = get_amendment(project, number)
    form = DecisionForm(
        request.POST if request.method == "POST" else None,
        bodies=[(b.key, b.label) for b in bodies],
        initial={"seen_hash": amendment.content_hash},
    )
    if request.method == "POST" and form.is_valid():
        chosen = next(b for b in bodies if b.key == form.cleaned_data["body"])
        try:
            services.amendment_decide(
                actor=actor(request),
                amendment=amendment,
                body=chosen.body,
                organisation=chosen.organisation,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
                seen_hash=form.cleaned_data["seen_hash"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, _applied_message(amendment.pk, f"The decision on {amendment} is recorded.")
            )
            return redirect("amendments:detail", pk=project.pk, number=amendment.number)
    return page(
        request,
        "amendments/decide.jinja",
        title=f"Approve or reject {amendment}: {project.title}",
        nav="projects",
        conflict=decision_notice(request.user, project, DecisionKind.AMENDMENT_APPROVAL),
        project=project,
        a=amendment,
        p=AmendmentPresenter(amendment),
        form=form,
        back_link=back_to(amendment),
    )


@require_http_methods(["GET", "POST"])
def variation(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    amendment = get_amendment(project, number)
    found = VariationAgreement.objects.filter(amendment=amendment).first()
    if found is None:
        raise Http404("This amendment has no variation agreement.")
    form = VariationForm(
        request.POST if request.method == "POST" else None,
        parties=variation_rows(found),
        initial={"row_version": found.row_version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.variation_signatures_save(
                actor=actor(request),
                variation=found,
                signatures=form.signatures(),
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "The signatures are recorded.")
            return redirect("amendments:detail", pk=project.pk, number=amendment.number)
    return page(
        request,
        "amendments/variation.jinja",
        title=f"Variation agreement for {amendment}: {project.title}",
        nav="projects",
        conflict=decision_notice(request.user, project, DecisionKind.AGREEMENT_SIGNATURE),
        project=project,
        a=amendment,
        variation=found,
        form=form,
        back_link=back_to(amendment),
    )
