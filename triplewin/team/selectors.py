"""Reads about a project's team, as the team page and the rules' facts builder need them.

Each "… | None" answer is None while there is no evidence yet (no active member, no committee
seat), which the rules read as "not recorded yet".
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User

from triplewin.conflicts.selectors import without_current_declaration
from triplewin.organisations.models import Function, Membership, Organisation
from triplewin.partnerships.models import Project
from triplewin.team.models import CommitteeRole, GovernanceCommitteeMember, Objection, TeamMember


def display_name(user: User) -> str:
    return user.get_full_name() or user.get_username()


def active_members(project: Project) -> list[TeamMember]:
    return list(
        TeamMember.objects.active().filter(project=project).select_related("user", "organisation")
    )


def in_sales_function(user: User, organisation: Organisation) -> bool:
    """Whether the person works in the organisation's sales function."""
    return Membership.objects.filter(
        user=user, organisation=organisation, function=Function.SALES
    ).exists()


def sales_function_user_ids(members: list[TeamMember]) -> set[int]:
    """Members whose membership at the organisation they represent is in the sales function."""
    pairs = {(m.user_id, m.organisation_id) for m in members}
    found = Membership.objects.filter(
        user_id__in={u for u, _ in pairs},
        organisation_id__in={o for _, o in pairs},
        function=Function.SALES,
    ).values_list("user_id", "organisation_id")
    return {u for u, o in found if (u, o) in pairs}


def sales_members(project: Project) -> tuple[str, ...] | None:
    members = active_members(project)
    if not members:
        return None
    sales = sales_function_user_ids(members)
    return tuple(display_name(m.user) for m in members if m.user_id in sales)


def undeclared_members(project: Project, today: dt.date) -> tuple[str, ...] | None:
    members = active_members(project)
    if not members:
        return None
    missing = without_current_declaration({m.user_id for m in members}, today)
    return tuple(display_name(m.user) for m in members if m.user_id in missing)


def team_size(project: Project) -> int | None:
    size = TeamMember.objects.active().filter(project=project).count()
    return size or None


def partners_not_on_team(project: Project) -> tuple[str, ...] | None:
    """Partner organisations with nobody on the team; None until the team has any member."""
    represented = set(
        TeamMember.objects.active()
        .filter(project=project)
        .values_list("organisation_id", flat=True)
    )
    if not represented:
        return None
    return tuple(
        p.organisation.name
        for p in project.partners.select_related("organisation")
        if p.organisation_id not in represented
    )


def open_objections(project: Project) -> tuple[str, ...]:
    """Members still on the team with an undecided objection against them."""
    objections = Objection.objects.filter(
        project=project, outcome="open", member__left_on__isnull=True
    ).select_related("member__user")
    names: dict[int, str] = {}
    for objection in objections:
        names.setdefault(objection.member_id, display_name(objection.member.user))
    return tuple(names.values())


def parties_without_governance_committee(project: Project) -> tuple[str, ...] | None:
    seats = list(GovernanceCommitteeMember.objects.filter(project=project))
    if not seats:
        return None
    covered = {s.organisation_id for s in seats if s.committee_role == CommitteeRole.SRO}
    return tuple(
        p.organisation.name
        for p in project.partners.select_related("organisation")
        if p.organisation_id not in covered
    )


def partner_people(project: Project) -> list[tuple[User, str]]:
    """Everyone who works for a partner organisation, with a label naming where and as what."""
    partner_ids = [p.organisation_id for p in project.partners.all()]
    labels: dict[int, tuple[User, list[str]]] = {}
    for m in (
        Membership.objects.filter(organisation_id__in=partner_ids)
        .select_related("user", "organisation")
        .order_by("user__last_name", "user__first_name", "organisation__name")
    ):
        if not m.user.is_active:
            continue
        _, where = labels.setdefault(m.user_id, (m.user, []))
        place = m.organisation.name + (f", {m.job_title}" if m.job_title else "")
        if place not in where:
            where.append(place)
    return [(user, f"{display_name(user)} ({'; '.join(where)})") for user, where in labels.values()]
