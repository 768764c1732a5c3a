"""Standing approval routes: an organisation's usual committee and sign-off route (ADR 0019).

NHS staff report that unclear sign-off routes hold partnerships up (NHS Confederation briefing
"Opportunities, openness and obstacles": where an NHS organisation is new to partnering, the
governance route to sign-off is often unclear). An organisation records its usual governance committee and sign-off
route once; each project it joins starts from a copy that the project can then change.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from triplewin.audit import services as audit
from triplewin.organisations.models import (
    Membership,
    Organisation,
    Role,
    StandingRoute,
    StandingSeat,
)
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project
from triplewin.submissions.versions import UNSAVED
from triplewin.team.models import CommitteeRole, GovernanceCommitteeMember, SignOffRoute
from triplewin.team.selectors import display_name, in_sales_function

# Who may set an organisation's standing route: those who act for it in partnerships.
MANAGE_ROLES = frozenset({Role.PARTNERSHIP_LEAD, Role.GOVERNANCE_MEMBER, Role.ADMINISTRATOR})
TEXT_LIMIT = 4000


def may_manage(user: User, organisation: Organisation) -> bool:
    return Membership.objects.filter(
        user_id=user.pk, organisation=organisation, role__in=MANAGE_ROLES
    ).exists()


def _require_manager(actor: User, organisation: Organisation) -> None:
    if not may_manage(actor, organisation):
        raise ValidationError(f"You cannot change {organisation}'s standing approval route.")


def _route_for(organisation: Organisation) -> StandingRoute:
    route, _ = StandingRoute.objects.select_for_update().get_or_create(organisation=organisation)
    return route


@transaction.atomic
def standing_route_text_set(
    *, actor: User, organisation: Organisation, sign_off_route: str, expected_version: int
) -> StandingRoute:
    _require_manager(actor, organisation)
    existing = StandingRoute.objects.select_for_update().filter(organisation=organisation).first()
    if (existing.row_version if existing else UNSAVED) != expected_version:
        raise StaleEdit()
    route = existing or StandingRoute(organisation=organisation, row_version=0)
    before = route.sign_off_route
    route.sign_off_route = sign_off_route.strip()
    route.row_version += 1
    route.full_clean()
    route.save()
    audit.record(
        actor=actor,
        action="organisation.standing_route_set",
        obj=route,
        changes={"sign_off_route": [before or None, route.sign_off_route]},
    )
    return route


@transaction.atomic
def standing_seat_set(
    *, actor: User, organisation: Organisation, committee_role: str, user: User
) -> StandingSeat:
    """Name the person who usually sits in one seat of the organisation's committee."""
    _require_manager(actor, organisation)
    if committee_role not in CommitteeRole.values:
        raise ValidationError({"committee_role": "Choose the seat on the committee."})
    if not Membership.objects.filter(user=user, organisation=organisation).exists():
        raise ValidationError({"user": f"{display_name(user)} does not work for {organisation}."})
    if in_sales_function(user, organisation):
        raise ValidationError(
            {
                "user": f"{display_name(user)} works in {organisation}'s sales function, and "
                "the ABPI Code keeps sales staff out of collaborative and joint working."
            }
        )
    route = _route_for(organisation)
    seat = StandingSeat.objects.filter(route=route, committee_role=committee_role).first()
    before = display_name(seat.user) if seat else None
    if seat is None:
        seat = StandingSeat(route=route, committee_role=committee_role)
    seat.user = user
    seat.full_clean()
    seat.save()
    audit.record(
        actor=actor,
        action="organisation.standing_seat_set",
        obj=seat,
        changes={
            "seat": [None, CommitteeRole(committee_role).label],
            "person": [before, display_name(user)],
        },
    )
    return seat


@transaction.atomic
def standing_seat_remove(*, actor: User, organisation: Organisation, seat: StandingSeat) -> None:
    _require_manager(actor, organisation)
    if seat.route.organisation_id != organisation.pk:
        raise ValidationError("That seat is not on this organisation's committee.")
    audit.record(
        actor=actor,
        action="organisation.standing_seat_removed",
        obj=seat,
        changes={"person": [display_name(seat.user), None]},
    )
    seat.delete()


def standing_route_apply(*, actor: User, project: Project, organisation: Organisation) -> int:
    """Start a project's committee and sign-off route for a partner from its standing route.

    Runs inside the caller's transaction when the organisation becomes a partner. Seats the
    project already has are kept; a person who no longer works for the organisation, or who
    works in its sales function, is not copied. Returns how many seats were copied.
    """
    route = (
        StandingRoute.objects.filter(organisation=organisation).prefetch_related("seats").first()
    )
    if route is None:
        return 0
    copied = []
    for standing in route.seats.select_related("user"):
        if GovernanceCommitteeMember.objects.filter(
            project=project, organisation=organisation, committee_role=standing.committee_role
        ).exists():
            continue
        if not Membership.objects.filter(user=standing.user, organisation=organisation).exists():
            continue
        if in_sales_function(standing.user, organisation):
            continue
        seat = GovernanceCommitteeMember.objects.create(
            project=project,
            organisation=organisation,
            committee_role=standing.committee_role,
            user=standing.user,
        )
        copied.append(f"{seat.get_committee_role_display()}: {display_name(standing.user)}")
    text = route.sign_off_route
    if text and not SignOffRoute.objects.filter(project=project, organisation=organisation):
        SignOffRoute.objects.create(project=project, organisation=organisation, text=text)
    if copied or text:
        audit.record(
            actor=actor,
            action="team.standing_route_applied",
            obj=organisation,
            project_id=project.pk,
            changes={"seats": [None, copied], "sign_off_route": [None, text or None]},
        )
    return len(copied)


@transaction.atomic
def sign_off_route_set(
    *,
    actor: User,
    project: Project,
    organisation: Organisation,
    text: str,
    expected_version: int,
) -> SignOffRoute:
    """Change one partner's sign-off route for this project only."""
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if not locked.partners.filter(organisation=organisation).exists():
        raise ValidationError(f"{organisation} is not a partner in this project.")
    existing = (
        SignOffRoute.objects.select_for_update()
        .filter(project=locked, organisation=organisation)
        .first()
    )
    if (existing.row_version if existing else UNSAVED) != expected_version:
        raise StaleEdit()
    route = existing or SignOffRoute(project=locked, organisation=organisation, row_version=0)
    before = route.text
    route.text = text.strip()
    route.row_version += 1
    route.full_clean()
    route.save()
    audit.record(
        actor=actor,
        action="team.sign_off_route_set",
        obj=route,
        project_id=locked.pk,
        changes={"text": [before or None, route.text]},
    )
    return route
