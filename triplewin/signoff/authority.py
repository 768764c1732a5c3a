"""Who may certify a framework document, and on whose behalf someone may approve it.

Views use these to offer only what a person may do; the engine's service checks them again
before it records an act, and returns the role in which the person acted.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from triplewin.core import signoff as core
from triplewin.organisations.models import Membership, Organisation, Role
from triplewin.partnerships import access
from triplewin.partnerships.models import Project
from triplewin.signoff.selectors import Body, required_bodies
from triplewin.team.models import GovernanceCommitteeMember, ProjectRole, TeamMember
from triplewin.team.selectors import in_sales_function

TEAM_APPROVER_ROLES = frozenset({ProjectRole.CHAIR, ProjectRole.PROJECT_MANAGER})


def certifying_organisations(user: Any, project: Project) -> list[Organisation]:
    """Industry partners for which this user is a certification signatory."""
    if not user.is_authenticated:
        return []
    industry = [
        p.organisation
        for p in project.partners.select_related("organisation").order_by("organisation__name")
        if p.organisation.is_pharmaceutical
    ]
    signatory_at = set(
        Membership.objects.filter(
            user=user, role=Role.CERTIFICATION_SIGNATORY, organisation__in=industry
        ).values_list("organisation_id", flat=True)
    )
    return [o for o in industry if o.pk in signatory_at]


def publishing_organisation(
    user: Any, project: Project, organisation: Organisation | None, noun: str
) -> Organisation:
    """The partner for which this user publishes: they lead the partnership there.

    Publishing is editing the project's public record, so it is for the partnership leads who
    edit the project (`partnerships.access.can_edit`).
    """
    leading = (
        []
        if not user.is_authenticated
        else [
            o
            for o in access.lead_organisations(user)
            if project.partners.filter(organisation=o).exists()
        ]
    )
    if not leading:
        raise ValidationError(
            f"Only a partnership lead of a partner organisation can publish the {noun}."
        )
    if organisation is None:
        # Industry partners first, as the data migrations read it (`signoff.summary_migration`).
        return sorted(leading, key=lambda o: (not o.is_pharmaceutical, o.name))[0]
    if organisation.pk not in {o.pk for o in leading}:
        raise ValidationError(f"You cannot publish for {organisation}.")
    return organisation


def may_approve_for_team(user: Any, project: Project) -> bool:
    return bool(
        user.is_authenticated
        and TeamMember.objects.active()
        .filter(project=project, user=user, project_role__in=TEAM_APPROVER_ROLES)
        .exists()
    )


def may_approve_for_committee(user: Any, project: Project, organisation: Organisation) -> bool:
    # Sales staff hold no seat on a governance committee, whatever their membership says.
    if not user.is_authenticated or in_sales_function(user, organisation):
        return False
    return (
        GovernanceCommitteeMember.objects.filter(
            project=project, organisation=organisation, user=user
        ).exists()
        or Membership.objects.filter(
            user=user, organisation=organisation, role=Role.GOVERNANCE_MEMBER
        ).exists()
    )


def approval_bodies(user: Any, project: Project, document: str) -> list[Body]:
    """The bodies this user may record a decision for, in the order the document lists them."""
    allowed = []
    deciding_for = {o.pk for o in access.decision_organisations(user, project)}
    for body in required_bodies(project, document):
        if body.organisation is None:
            if may_approve_for_team(user, project):
                allowed.append(body)
        elif body.body == core.BodyKind.PARTNER:
            if body.organisation.pk in deciding_for:
                allowed.append(body)
        elif may_approve_for_committee(user, project, body.organisation):
            allowed.append(body)
    return allowed


def check_decision_authority(
    actor: Any, project: Project, body: str, organisation: Organisation | None
) -> core.Role:
    """Refuse a decision this person may not record; the role they decide in when they may.

    `body` is "project_team", "governance_committee" or "partner" (see `core.BodyKind`).
    """
    if body == core.BodyKind.PROJECT_TEAM:
        if organisation is not None:
            raise ValidationError({"body": "The project team decides as one body."})
        if not may_approve_for_team(actor, project):
            raise ValidationError(
                {"body": "Only the chair or the project manager can record the team's decision."}
            )
        return team_role(actor, project)
    if body in (core.BodyKind.GOVERNANCE_COMMITTEE, core.BodyKind.PARTNER):
        if organisation is None or not project.partners.filter(organisation=organisation).exists():
            raise ValidationError({"body": "Choose a partner organisation of this project."})
        if body == core.BodyKind.PARTNER:
            return partner_role(actor, project, organisation)
        if not may_approve_for_committee(actor, project, organisation):
            raise ValidationError(
                {"body": f"You do not sit on the governance committee of {organisation}."}
            )
        return core.Role.COMMITTEE_MEMBER
    raise ValidationError({"body": "Choose whose decision you are recording."})


def team_role(actor: Any, project: Project) -> core.Role:
    """Chair when the person chairs the team, else project manager (the two who may decide)."""
    roles = set(
        TeamMember.objects.active()
        .filter(project=project, user=actor, project_role__in=TEAM_APPROVER_ROLES)
        .values_list("project_role", flat=True)
    )
    return core.Role.CHAIR if ProjectRole.CHAIR in roles else core.Role.PROJECT_MANAGER


def partner_role(actor: Any, project: Project, organisation: Organisation) -> core.Role:
    """The role in which someone decides for a partner (`partnerships.access` decides who)."""
    if organisation.pk not in {o.pk for o in access.decision_organisations(actor, project)}:
        raise ValidationError({"organisation": f"You cannot act for {organisation} here."})
    roles = set(
        Membership.objects.filter(user=actor, organisation=organisation).values_list(
            "role", flat=True
        )
    )
    if Role.PARTNERSHIP_LEAD in roles:
        return core.Role.PARTNERSHIP_LEAD
    if Role.GOVERNANCE_MEMBER in roles:
        return core.Role.GOVERNANCE_MEMBER
    return core.Role.CERTIFICATION_SIGNATORY
