"""Who may see a person's register of interests."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.http import Http404
from django.shortcuts import get_object_or_404

from triplewin.partnerships.models import Project
from triplewin.team.models import TeamMember


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
