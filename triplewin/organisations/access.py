"""Who may manage an organisation's people: its organisation administrators, and superusers.

A member of the organisation who is not its administrator is told no (403); anyone else,
including administrators of other organisations, is not told the page exists (404).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from triplewin.organisations.models import Membership, Organisation, Role

NOT_ADMINISTRATOR = "Only the organisation's administrators can manage its people."


def is_platform_administrator(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


def administers(user: Any, organisation: Organisation) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return is_platform_administrator(user) or (
        Membership.objects.filter(
            user_id=user.pk, organisation=organisation, role=Role.ORGANISATION_ADMINISTRATOR
        ).exists()
    )


def manages_people(user: Any) -> bool:
    """Whether the person administers any organisation's people (one query at most)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return is_platform_administrator(user) or (
        Membership.objects.filter(user_id=user.pk, role=Role.ORGANISATION_ADMINISTRATOR).exists()
    )


def administered_organisations(user: Any) -> list[Organisation]:
    """The organisations whose people this person manages through their memberships."""
    if not user.is_authenticated or not user.is_active:
        return []
    return list(
        Organisation.objects.filter(
            pk__in=Membership.objects.filter(
                user_id=user.pk, role=Role.ORGANISATION_ADMINISTRATOR
            ).values("organisation_id")
        )
    )


def administered_or_refuse(user: Any, org_pk: int) -> Organisation:
    organisation = get_object_or_404(Organisation, pk=org_pk)
    if administers(user, organisation):
        return organisation
    if (
        user.is_authenticated
        and Membership.objects.filter(user_id=user.pk, organisation=organisation).exists()
    ):
        raise PermissionDenied(NOT_ADMINISTRATOR)
    raise Http404
