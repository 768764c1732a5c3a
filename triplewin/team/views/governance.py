"""Naming each partner's governance committee for the project."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods, require_POST

from triplewin.organisations.models import Membership, Organisation
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.team import selectors, services
from triplewin.team.forms import SeatForm
from triplewin.team.models import GovernanceCommitteeMember
from triplewin.team.presenters import TeamPresenter
from triplewin.team.views.members import back_to_team


@require_http_methods(["GET", "POST"])
def committees(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    form = SeatForm(
        request.POST if request.method == "POST" else None,
        people=selectors.partner_people(project),
        partners=[p.organisation for p in project.partners.all()],
    )
    if request.method == "POST" and form.is_valid():
        try:
            seat = services.governance_seat_set(
                actor=actor(request),
                project=project,
                organisation=form.chosen_organisation(),
                committee_role=form.cleaned_data["committee_role"],
                user=form.chosen_user(),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"{seat} is now {selectors.display_name(seat.user)}.")
            return redirect("team:governance", pk=project.pk)
    return page(
        request,
        "team/governance.jinja",
        title=f"Governance committees: {project.title}",
        nav="projects",
        project=project,
        t=TeamPresenter(project),
        form=form,
        own_partners=list(
            Organisation.objects.filter(
                pk__in=project.partners.values("organisation_id"),
            )
            .filter(pk__in=Membership.objects.filter(user=actor(request)).values("organisation_id"))
            .distinct()
        ),
        back_link=back_to_team(project),
    )


@require_POST
def seat_remove(request: HttpRequest, pk: int, seat_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    seat = get_object_or_404(
        GovernanceCommitteeMember.objects.select_related("user", "organisation"),
        pk=seat_pk,
        project=project,
    )
    try:
        services.governance_seat_remove(actor=actor(request), project=project, seat=seat)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{seat} is now empty.")
    return redirect("team:governance", pk=project.pk)
