"""Yearly declaration rounds, for an NHS organisation's administrators."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from triplewin.conflicts import rounds
from triplewin.conflicts.forms import RoundOpenForm, WithholdForm
from triplewin.conflicts.models import DeclarationRound, PublicWithholding
from triplewin.core.declaration_rounds import STATUS_LABELS, Scope, Status
from triplewin.organisations.models import Organisation, Sector
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page


def _organisation_for_admin(request: HttpRequest, org_id: int) -> Organisation:
    organisation = get_object_or_404(Organisation, pk=org_id)
    if organisation.sector is not Sector.NHS:
        raise Http404
    if not rounds.may_run_rounds(request.user, organisation):
        raise PermissionDenied(rounds.NOT_ADMIN)
    return organisation


@login_required
def index(request: HttpRequest) -> HttpResponse:
    orgs = rounds.administered(request.user)
    if not orgs:
        raise PermissionDenied(rounds.NOT_ADMIN)
    listed = DeclarationRound.objects.filter(organisation__in=orgs).select_related("organisation")
    return page(
        request,
        "conflicts/rounds.jinja",
        title="Declaration rounds",
        nav="conflicts",
        organisations=orgs,
        rounds=list(listed),
    )


@login_required
@require_http_methods(["GET", "POST"])
def open_round(request: HttpRequest, org_id: int) -> HttpResponse:
    organisation = _organisation_for_admin(request, org_id)
    form = RoundOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            opened = rounds.round_open(
                actor=actor(request),
                organisation=organisation,
                scope=Scope(form.cleaned_data["scope"]),
                due_on=form.cleaned_data["due_on"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "The round is open. Everyone in it is being emailed.")
            return redirect("conflicts:round", pk=opened.pk)
    return page(
        request,
        "conflicts/round_open.jinja",
        title=f"Open this year's declaration round: {organisation}",
        nav="conflicts",
        organisation=organisation,
        form=form,
        back_link={"href": reverse("conflicts:rounds"), "text": "Declaration rounds"},
    )


def _round_for_admin(request: HttpRequest, pk: int) -> DeclarationRound:
    found = get_object_or_404(DeclarationRound.objects.select_related("organisation"), pk=pk)
    _organisation_for_admin(request, found.organisation_id)
    return found


def _people(declaration_round: DeclarationRound) -> list[tuple[int, str]]:
    return [
        (m.user_id, m.user.get_full_name() or m.user.get_username())
        for m in declaration_round.members.select_related("user")
    ]


@login_required
@require_http_methods(["GET", "POST"])
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    declaration_round = _round_for_admin(request, pk)
    people = _people(declaration_round)
    form = WithholdForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        person = declaration_round.members.get(user_id=form.cleaned_data["person"]).user
        try:
            rounds.withholding_set(
                actor=actor(request),
                organisation=declaration_round.organisation,
                person=person,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Their entries are withheld from the public register.")
            return redirect("conflicts:round", pk=pk)
    where = rounds.statuses(declaration_round)
    withheld = set(
        PublicWithholding.objects.filter(organisation=declaration_round.organisation).values_list(
            "user_id", flat=True
        )
    )
    makers = set(
        declaration_round.members.filter(decision_maker=True).values_list("user_id", flat=True)
    )
    rows = [
        {
            "name": name,
            "status": STATUS_LABELS[where.get(user_id, Status.OUTSTANDING)],
            "public": (
                "Withheld on request"
                if user_id in withheld
                else "Published once complete"
                if user_id in makers
                else "Not published: not a decision maker"
            ),
        }
        for user_id, name in people
    ]
    counts = {
        label: sum(1 for r in rows if r["status"] == label) for label in STATUS_LABELS.values()
    }
    return page(
        request,
        "conflicts/round.jinja",
        title=f"Declaration round {declaration_round.year}: {declaration_round.organisation}",
        nav="conflicts",
        r=declaration_round,
        rows=rows,
        counts=counts,
        form=form,
        today=timezone.localdate(),
        back_link={"href": reverse("conflicts:rounds"), "text": "Declaration rounds"},
    )


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    declaration_round = _round_for_admin(request, pk)
    rounds.round_publish(actor=actor(request), declaration_round=declaration_round)
    messages.success(request, "The decision makers' declarations are on the public register.")
    return redirect("conflicts:round", pk=pk)
