"""An organisation administrator's pages: the organisation's people, invitations and leavers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from triplewin.organisations import access, presenters
from triplewin.organisations.forms import InviteForm, PersonForm
from triplewin.organisations.models import Function, Invitation, Membership, Organisation
from triplewin.organisations.services import people as people_services
from triplewin.organisations.services.invitations import invitation_create, invitation_withdraw
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page
from triplewin.submissions.once import one_time_form, saving_once

# The team's own rule (team.services.refuse_sales_function) does the barring; this only says so.
SALES_NOTE = (
    "{name} is now in the sales function, so cannot be added to a project team or a governance "
    "committee. A seat they already hold shows as a problem on that project until it is ended."
)


def index(request: HttpRequest) -> HttpResponse:
    """The organisations whose people you manage; straight to the page when there is one."""
    user = request.user
    if not user.is_authenticated:
        raise Http404
    organisations = access.administered_organisations(user)
    platform = access.is_platform_administrator(user)
    if not organisations and not platform:
        raise Http404
    if len(organisations) == 1 and not platform:
        return redirect("organisations:people", org_pk=organisations[0].pk)
    return page(
        request,
        "organisations/index.jinja",
        title="Organisations you manage",
        nav="people",
        organisations=list(Organisation.objects.all()) if platform else organisations,
        platform=platform,
    )


def _back(organisation: Organisation) -> dict[str, str]:
    return {"href": reverse("organisations:people", args=[organisation.pk]), "text": "People"}


def _people_page(
    request: HttpRequest, organisation: Organisation, form: InviteForm
) -> HttpResponse:
    return page(
        request,
        "organisations/people.jinja",
        title=f"People: {organisation.name}",
        nav="people",
        organisation=organisation,
        people=presenters.people(organisation),
        invitations=presenters.open_invitations(organisation),
        form=form,
    )


@one_time_form
@require_http_methods(["GET", "POST"])
def people(request: HttpRequest, org_pk: int) -> HttpResponse:
    organisation = access.administered_or_refuse(request.user, org_pk)
    form = InviteForm(request.POST if request.method == "POST" else None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with saving_once(request):
                invitation, _ = invitation_create(
                    actor=actor(request),
                    organisation=organisation,
                    email=data["email"],
                    role=data["role"],
                    function=data.get("function", ""),
                    job_title=data["job_title"],
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, f"Invitation sent to {invitation.email}. The link works for 7 days."
            )
            return redirect("organisations:people", org_pk=organisation.pk)
    return _people_page(request, organisation, form)


def _person_or_404(organisation: Organisation, user_pk: int) -> tuple[User, list[Membership]]:
    user = get_object_or_404(User, pk=user_pk)
    held = presenters.memberships_of(organisation, user)
    if not held:
        raise Http404
    return user, held


@require_http_methods(["GET", "POST"])
def person(request: HttpRequest, org_pk: int, user_pk: int) -> HttpResponse:
    organisation = access.administered_or_refuse(request.user, org_pk)
    user, held = _person_or_404(organisation, user_pk)
    current = [m for m in held if m.left_on is None]
    initial = {
        "roles": [m.role for m in current],
        "function": current[0].function if current else "",
        "job_title": current[0].job_title if current else "",
    }
    form = PersonForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        organisation=organisation,
    )
    if request.method == "POST" and current and form.is_valid():
        data = form.cleaned_data
        try:
            people_services.person_memberships_set(
                actor=actor(request),
                organisation=organisation,
                user=user,
                roles=data["roles"],
                function=data.get("function", ""),
                job_title=data["job_title"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            name = people_services.display_name(user)
            messages.success(request, f"Changes to {name} saved.")
            if data.get("function") == Function.SALES:
                messages.info(request, SALES_NOTE.format(name=name))
            return redirect("organisations:people", org_pk=organisation.pk)
    return page(
        request,
        "organisations/person.jinja",
        title=f"{people_services.display_name(user)}: {organisation.name}",
        nav="people",
        organisation=organisation,
        person=user,
        memberships=held,
        current=current,
        form=form,
        back_link=_back(organisation),
    )


@require_http_methods(["GET", "POST"])
def leave(request: HttpRequest, org_pk: int, user_pk: int) -> HttpResponse:
    """Confirm, then mark someone as having left: they lose access at once."""
    organisation = access.administered_or_refuse(request.user, org_pk)
    user, held = _person_or_404(organisation, user_pk)
    error = ""
    if request.method == "POST":
        try:
            switched_off = people_services.person_leave(
                actor=actor(request), organisation=organisation, user=user
            )
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            name = people_services.display_name(user)
            messages.success(
                request,
                f"{name} is marked as a leaver"
                + (" and can no longer sign in." if switched_off else f" of {organisation}."),
            )
            return redirect("organisations:people", org_pk=organisation.pk)
    return page(
        request,
        "organisations/leave.jinja",
        title=f"Mark {people_services.display_name(user)} as a leaver",
        status=400 if error else 200,
        nav="people",
        organisation=organisation,
        person=user,
        current=[m for m in held if m.left_on is None],
        error=error,
        back_link=_back(organisation),
    )


@require_POST
def withdraw(request: HttpRequest, org_pk: int, pk: int) -> HttpResponse:
    organisation = access.administered_or_refuse(request.user, org_pk)
    invitation = get_object_or_404(Invitation, pk=pk, organisation=organisation)
    try:
        invitation_withdraw(actor=actor(request), invitation=invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Invitation to {invitation.email} withdrawn.")
    return redirect("organisations:people", org_pk=organisation.pk)
