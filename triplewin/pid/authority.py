"""Who may certify the PID and on whose behalf someone may approve it.

Views use these to offer only what a person may do; services check them again before writing.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from triplewin.organisations.models import Membership, Organisation, Role
from triplewin.partnerships.models import Project
from triplewin.pid.selectors import Body, required_bodies
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


def approval_bodies(user: Any, project: Project) -> list[Body]:
    """The bodies this user may record a decision for, in the order the PID lists them."""
    allowed = []
    for body in required_bodies(project):
        if body.organisation is None:
            if may_approve_for_team(user, project):
                allowed.append(body)
        elif may_approve_for_committee(user, project, body.organisation):
            allowed.append(body)
    return allowed


def check_decision_authority(
    actor: Any, project: Project, body: str, organisation: Organisation | None
) -> None:
    """Refuse a sign-off decision (PID, amendment, outcomes) that this person may not record.

    `body` is "project_team" or "governance_committee", the values every sign-off shares.
    """
    if body == "project_team":
        if organisation is not None:
            raise ValidationError({"body": "The project team decides as one body."})
        if not may_approve_for_team(actor, project):
            raise ValidationError(
                {"body": "Only the chair or the project manager can record the team's decision."}
            )
    elif body == "governance_committee":
        if organisation is None or not project.partners.filter(organisation=organisation).exists():
            raise ValidationError({"body": "Choose the committee of a partner organisation."})
        if not may_approve_for_committee(actor, project, organisation):
            raise ValidationError(
                {"body": f"You do not sit on the governance committee of {organisation}."}
            )
    else:
        raise ValidationError({"body": "Choose whose decision you are recording."})
