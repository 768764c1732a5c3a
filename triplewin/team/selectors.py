"""Reads about a project's team, as the team page and the rules' facts builder need them.

Each "… | None" answer is None while there is no evidence yet (no active member, no committee
seat), which the rules read as "not recorded yet".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User

from triplewin.conflicts.selectors import without_current_declaration
from triplewin.core.dates import long_date
from triplewin.organisations.models import Function, Membership, Organisation
from triplewin.partnerships.models import Project, ProjectPartner, Setting
from triplewin.team.models import (
    CommitteeDecision,
    CommitteeRole,
    GovernanceCommitteeMember,
    Objection,
    SystemRoute,
    TeamMember,
)


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


def is_named_lead(member: TeamMember) -> bool:
    """Whether this member is the named lead of the partner they represent."""
    return ProjectPartner.objects.filter(
        project_id=member.project_id, organisation_id=member.organisation_id, lead_id=member.user_id
    ).exists()


def partners_without_named_lead(project: Project) -> tuple[str, ...]:
    """Partners with no named lead, or whose named lead has left the project team."""
    places = TeamMember.objects.filter(project=project).values_list("user_id", "left_on")
    active = {user for user, left in places if left is None}
    left = {user for user, gone in places if gone is not None} - active
    problems = []
    for partner in project.partners.select_related("organisation", "lead"):
        if partner.lead_id is None:
            problems.append(f"{partner.organisation.name} (no named lead)")
        elif partner.lead_id in left:
            assert partner.lead is not None
            problems.append(
                f"{partner.organisation.name} (its named lead, {display_name(partner.lead)}, "
                "has left the team)"
            )
    return tuple(problems)


# The seats the guidance lists for a company's governance committee beyond its senior
# responsible officer (NHS Confederation/ABPI guidance 2024, Establishing a robust governance
# framework: "Pharmaceutical legal director" and "Pharmaceutical medical / compliance director").
COMPANY_SEATS = (CommitteeRole.LEGAL, CommitteeRole.MEDICAL_COMPLIANCE)


def company_committees_missing_seats(project: Project) -> tuple[str, ...] | None:
    """Each company partner whose committee lacks a legal or a medical or compliance seat.

    None until any governance committee seat is named on the project.
    """
    seats = list(GovernanceCommitteeMember.objects.filter(project=project))
    if not seats:
        return None
    missing = []
    for partner in project.partners.select_related("organisation"):
        if not partner.organisation.is_pharmaceutical:
            continue
        held = {s.committee_role for s in seats if s.organisation_id == partner.organisation_id}
        lacking = [r.label.lower() for r in COMPANY_SEATS if r not in held]
        if lacking:
            missing.append(f"{partner.organisation.name} (no {' and no '.join(lacking)} seat)")
    return tuple(missing)


def is_system_level(project: Project) -> bool:
    return project.origin_setting == Setting.SYSTEM


def system_route_missing(project: Project, route: SystemRoute | None) -> tuple[str, ...]:
    """What a system-level project has still to record about its route through the ICB."""
    if route is None:
        return ("the leads involved", "the medicines committee's decision")
    missing = []
    if not route.clinical_leads.strip():
        missing.append("the clinical leads involved")
    if not route.executive_leads.strip():
        missing.append("the executive leads involved")
    if project.involves_medicines and not route.chief_pharmacist.strip():
        missing.append("the chief pharmacist's involvement, as the project touches a medicine")
    if not route.committee_decision:
        missing.append(f"the decision of the {route.committee_name or 'medicines committee'}")
    elif route.decided_on is None:
        missing.append("the date of the committee's decision")
    return tuple(missing)


def system_route_facts(project: Project) -> dict[str, Any]:
    if not is_system_level(project):
        return {"is_system_level": False}
    route = SystemRoute.objects.filter(project=project).first()
    not_supported = ""
    if route is not None and route.committee_decision == CommitteeDecision.NOT_SUPPORTED:
        when = f" on {long_date(route.decided_on)}" if route.decided_on else ""
        not_supported = (
            f"The {route.committee_name} did not support the proposal{when}. Rework it with "
            "the board, or record why the partners are going ahead."
        )
    return {
        "is_system_level": True,
        "system_route_missing": None if route is None else system_route_missing(project, route),
        "system_route_not_supported": not_supported,
    }
