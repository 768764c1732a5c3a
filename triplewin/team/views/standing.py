"""An organisation's standing approval route, and a project's own copy of a partner's route."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods, require_POST

from triplewin.organisations.models import Membership, Organisation, StandingRoute, StandingSeat
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.versions import version_of
from triplewin.team import standing
from triplewin.team.forms import RouteTextForm, StandingSeatForm
from triplewin.team.models import CommitteeRole, SignOffRoute
from triplewin.team.selectors import display_name
from triplewin.team.views.members import back_to_team

NOT_YOURS = "Only the organisation's partnership leads and committee members can change its route."


def _own_organisation_or_404(request: HttpRequest, org_pk: int) -> Organisation:
    """Only the organisation's own people see its standing route."""
    organisation = get_object_or_404(Organisation, pk=org_pk)
    user = request.user
    if not user.is_authenticated or not Membership.objects.filter(
        user_id=user.pk, organisation=organisation
    ):
        raise Http404
    return organisation


def _people(organisation: Organisation) -> list[tuple[User, str]]:
    people: dict[int, tuple[User, str]] = {}
    for m in Membership.objects.filter(organisation=organisation).select_related("user"):
        if m.user.is_active:
            people.setdefault(m.user_id, (m.user, display_name(m.user)))
    return sorted(people.values(), key=lambda p: p[1])


@require_http_methods(["GET", "POST"])
def standing_route(request: HttpRequest, org_pk: int) -> HttpResponse:
    organisation = _own_organisation_or_404(request, org_pk)
    assert request.user.is_authenticated
    can_manage = standing.may_manage(request.user, organisation)
    route = StandingRoute.objects.filter(organisation=organisation).first()
    posted = request.POST if request.method == "POST" else None
    which = request.POST.get("form") if posted is not None else None
    text_form = RouteTextForm(
        posted if which == "route" else None,
        initial={"text": route.sign_off_route if route else "", "row_version": version_of(route)},
    )
    seat_form = StandingSeatForm(posted if which == "seat" else None, people=_people(organisation))
    if posted is not None:
        if not can_manage:
            raise PermissionDenied(NOT_YOURS)
        try:
            if which == "route" and text_form.is_valid():
                standing.standing_route_text_set(
                    actor=actor(request),
                    organisation=organisation,
                    sign_off_route=text_form.cleaned_data["text"],
                    expected_version=text_form.cleaned_data["row_version"],
                )
                messages.success(request, "Usual sign-off route saved.")
                return redirect("team:standing-route", org_pk=organisation.pk)
            if which == "seat" and seat_form.is_valid():
                standing.standing_seat_set(
                    actor=actor(request),
                    organisation=organisation,
                    committee_role=seat_form.cleaned_data["committee_role"],
                    user=seat_form.chosen_user(),
                )
                messages.success(request, "Seat saved. New projects start with it.")
                return redirect("team:standing-route", org_pk=organisation.pk)
        except StaleEdit as error:
            text_form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(seat_form if which == "seat" else text_form, error)
    return page(
        request,
        "team/standing.jinja",
        title=f"Standing approval route: {organisation.name}",
        nav="projects",
        organisation=organisation,
        route=route,
        seats=[
            (s, CommitteeRole(s.committee_role).label, display_name(s.user))
            for s in (route.seats.select_related("user") if route else [])
        ],
        text_form=text_form,
        seat_form=seat_form,
        can_manage=can_manage,
    )


@require_POST
def standing_seat_remove(request: HttpRequest, org_pk: int, seat_pk: int) -> HttpResponse:
    organisation = _own_organisation_or_404(request, org_pk)
    seat = get_object_or_404(StandingSeat, pk=seat_pk, route__organisation=organisation)
    try:
        standing.standing_seat_remove(actor=actor(request), organisation=organisation, seat=seat)
    except ValidationError as error:
        raise PermissionDenied(NOT_YOURS) from error
    messages.success(request, "Seat removed from the standing route.")
    return redirect("team:standing-route", org_pk=organisation.pk)


@require_http_methods(["GET", "POST"])
def sign_off_route(request: HttpRequest, pk: int, org_pk: int) -> HttpResponse:
    """A partner's sign-off route for this project: its own copy of the standing route."""
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    partner = get_object_or_404(
        project.partners.select_related("organisation"), organisation_id=org_pk
    )
    organisation = partner.organisation
    route = SignOffRoute.objects.filter(project=project, organisation=organisation).first()
    form = RouteTextForm(
        request.POST if request.method == "POST" else None,
        initial={"text": route.text if route else "", "row_version": version_of(route)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            standing.sign_off_route_set(
                actor=actor(request),
                project=project,
                organisation=organisation,
                text=form.cleaned_data["text"],
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"Sign-off route of {organisation} saved for this project.")
            return redirect("team:governance", pk=project.pk)
    return page(
        request,
        "team/sign_off_route.jinja",
        title=f"Sign-off route of {organisation}: {project.title}",
        nav="projects",
        project=project,
        organisation=organisation,
        form=form,
        back_link=back_to_team(project),
    )
