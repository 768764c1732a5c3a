"""Who may see a person's register of interests, and who may manage a conflict."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.http import Http404
from django.shortcuts import get_object_or_404

from triplewin.organisations.models import Membership
from triplewin.partnerships.models import Project
from triplewin.team.models import ProjectRole, TeamMember


def can_view_register(viewer: Any, person: User) -> bool:
    """The person themselves, and anyone who can see a project on whose team they serve.

    Declarations exist so that partners can judge a member's conflicts, so the people who can
    see a project can see the registers of its active members, and nobody else can.
    """
    if not viewer.is_authenticated:
        return False
    if viewer.pk == person.pk:
        return True
    visible = Project.objects.visible_to(viewer).values("pk")
    return TeamMember.objects.active().filter(user=person, project_id__in=visible).exists()


def register_owner_or_404(viewer: Any, user_id: int) -> User:
    """The person whose register is asked for; a 404 for anyone who may not see it."""
    person = get_object_or_404(User, pk=user_id, is_active=True)
    if not can_view_register(viewer, person):
        raise Http404("No such register.")
    return person


def management_capacity(user: Any, project: Project, person: User) -> str | None:
    """The capacity in which `user` may record how `person`'s conflict is managed, or None.

    NHS England's guidance gives this to whoever chairs the decision: here the chair of the
    project team. So that a conflicted or absent chair does not leave a conflict unmanageable,
    the named lead of a partner the person does not work for may record it too. Nobody manages
    their own conflict.
    """
    if not user.is_authenticated or user.pk == person.pk:
        return None
    if (
        TeamMember.objects.active()
        .filter(project=project, user=user, project_role=ProjectRole.CHAIR)
        .exists()
    ):
        return "Chair of the project team"
    own = set(Membership.objects.filter(user=person).values_list("organisation_id", flat=True))
    for partner in project.partners.filter(lead=user).select_related("organisation"):
        if partner.organisation_id not in own:
            return f"Named lead for {partner.organisation.name}"
    return None
