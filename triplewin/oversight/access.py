"""Who may see a system's oversight dashboard: its system oversight leads, and nobody else."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from triplewin.organisations.models import Membership, Organisation, Role

NOT_OVERSIGHT = (
    "The oversight dashboard is for system oversight leads of an integrated care board or "
    "health innovation network."
)


def is_oversight_lead(user: Any) -> bool:
    return bool(user.is_authenticated) and (
        Membership.objects.filter(user=user, role=Role.SYSTEM_OVERSIGHT).exists()
    )


def oversight_organisations(user: Any) -> list[Organisation]:
    if not user.is_authenticated:
        return []
    return [
        m.organisation
        for m in Membership.objects.filter(user=user, role=Role.SYSTEM_OVERSIGHT)
        .select_related("organisation")
        .order_by("organisation__name")
    ]


def chosen_system(user: Any, requested: str) -> tuple[Organisation, list[Organisation]]:
    """The system asked for (if the user oversees it) or their first; 403 if none."""
    systems = oversight_organisations(user)
    if not systems:
        raise PermissionDenied(NOT_OVERSIGHT)
    chosen = next((s for s in systems if str(s.pk) == requested), systems[0])
    return chosen, systems
