"""What the people pages show: each person once, with their roles, function and whether they left."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.utils import timezone

from triplewin.core.dates import long_date
from triplewin.organisations.models import Function, Invitation, Membership, Organisation, Role


@dataclass
class PersonRow:
    user: User
    name: str
    roles: list[str] = field(default_factory=list)
    function: str = ""
    job_title: str = ""
    left_on: dt.date | None = None

    @property
    def is_current(self) -> bool:
        return bool(self.roles)

    @property
    def status(self) -> str:
        if self.is_current:
            return "Current" if self.user.is_active else "Current (account switched off)"
        return f"Left on {long_date(self.left_on)}" if self.left_on else "Left"


def _name(user: User) -> str:
    return user.get_full_name() or user.email or user.get_username()


def people(organisation: Organisation) -> list[PersonRow]:
    """Current people first, then leavers; each sorted by name."""
    rows: dict[int, PersonRow] = {}
    for m in Membership.records.filter(organisation=organisation).select_related("user"):
        row = rows.setdefault(m.user_id, PersonRow(user=m.user, name=_name(m.user)))
        if m.left_on is None:
            row.roles.append(str(Role(m.role).label))
            row.function = str(Function(m.function).label) if m.function else ""
            row.job_title = m.job_title
        elif row.left_on is None or m.left_on > row.left_on:
            row.left_on = m.left_on
    for row in rows.values():
        row.roles.sort()
    return sorted(rows.values(), key=lambda r: (not r.is_current, r.name.lower()))


@dataclass
class InvitationRow:
    invitation: Invitation
    role: str
    expires: str


def open_invitations(organisation: Organisation) -> list[InvitationRow]:
    now = timezone.now()
    return [
        InvitationRow(i, str(Role(i.role).label), long_date(timezone.localdate(i.expires_at)))
        for i in organisation.invitations.filter(
            accepted_at__isnull=True, withdrawn_at__isnull=True, expires_at__gt=now
        )
    ]


def memberships_of(organisation: Organisation, user: User) -> list[Membership]:
    return list(
        Membership.records.filter(organisation=organisation, user=user).order_by("left_on", "role")
    )
