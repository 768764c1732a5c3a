"""An organisation administrator's writes: a person's roles and function, and leavers (ADR 0033).

A leaver's memberships are ended, not deleted: `Membership.objects` stops returning them, so
every permission check drops the person at once, while `Membership.records` keeps who they
were for history. Someone left with no current membership anywhere is switched off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.organisations import access
from triplewin.organisations.models import Membership, Organisation, Role, Sector
from triplewin.organisations.services import membership_create

LAST_ADMINISTRATOR = (
    "{name} is the last organisation administrator of {organisation}. Make someone else an "
    "administrator first, so the organisation can still manage its people."
)


def display_name(user: User) -> str:
    return user.get_full_name() or user.email or user.get_username()


def require_administrator(actor: User, organisation: Organisation) -> None:
    if not access.administers(actor, organisation):
        raise PermissionDenied(access.NOT_ADMINISTRATOR)


def _guard_last_administrator(
    organisation: Organisation, user: User, ending: Iterable[Membership]
) -> None:
    """Refuse a change that would leave the organisation with no administrator."""
    ending_ids = {m.pk for m in ending if m.role == Role.ORGANISATION_ADMINISTRATOR}
    if not ending_ids:
        return
    # Locked, so two administrators removing each other at the same moment cannot both win.
    administrators = list(
        Membership.objects.select_for_update()
        .filter(organisation=organisation, role=Role.ORGANISATION_ADMINISTRATOR)
        .values_list("pk", flat=True)
    )
    if not set(administrators) - ending_ids:
        raise ValidationError(
            {"roles": LAST_ADMINISTRATOR.format(name=display_name(user), organisation=organisation)}
        )


def _end(actor: User, membership: Membership, left_on: dt.date) -> None:
    membership.left_on = left_on
    membership.save(update_fields=["left_on"])
    audit.record(
        actor=actor,
        action="membership.ended",
        obj=membership,
        changes={"left_on": [None, left_on.isoformat()]},
    )


def _switch_off_if_gone(actor: User, user: User) -> bool:
    """Switch off the account of someone who no longer belongs anywhere, ending their sessions.

    Django checks each session against a hash of the account's password on every request, so
    making the password unusable signs the person out everywhere at once, whatever the session
    store. They come back only through a new invitation, which asks for a new password.
    """
    if user.is_superuser or Membership.objects.filter(user=user).exists():
        return False
    user.is_active = False
    user.set_unusable_password()
    user.save(update_fields=["is_active", "password"])
    audit.record(
        actor=actor, action="account.switched_off", obj=user, changes={"is_active": [True, False]}
    )
    return True


def current_memberships(organisation: Organisation, user: User) -> list[Membership]:
    return list(Membership.objects.select_for_update().filter(organisation=organisation, user=user))


@transaction.atomic
def person_memberships_set(
    *,
    actor: User,
    organisation: Organisation,
    user: User,
    roles: Iterable[str],
    function: str = "",
    job_title: str = "",
) -> list[Membership]:
    """Give a current member of the organisation exactly these roles, function and job title."""
    require_administrator(actor, organisation)
    wanted = set(roles)
    if not wanted:
        raise ValidationError(
            {"roles": "Choose at least one role. To remove everything, mark them as a leaver."}
        )
    unknown = wanted - set(Role.values)
    if unknown:
        raise ValidationError({"roles": "Choose roles from the list."})
    held = current_memberships(organisation, user)
    if not held:
        raise ValidationError("This person does not work for the organisation now.")
    if organisation.sector is not Sector.INDUSTRY:
        function = ""
    today = timezone.localdate()
    ending = [m for m in held if m.role not in wanted]
    _guard_last_administrator(organisation, user, ending)
    for membership in ending:
        _end(actor, membership, today)
    kept = [m for m in held if m.role in wanted]
    for membership in kept:
        before = audit.snapshot(membership, ("function", "job_title"))
        membership.function, membership.job_title = function, job_title
        membership.full_clean()
        after = audit.snapshot(membership, ("function", "job_title"))
        if before != after:
            membership.save(update_fields=["function", "job_title"])
            audit.record(
                actor=actor,
                action="membership.changed",
                obj=membership,
                changes=audit.diff(before, after),
            )
    added = [
        membership_create(
            actor=actor,
            user=user,
            organisation=organisation,
            role=role,
            function=function,
            job_title=job_title,
        )
        for role in sorted(wanted - {m.role for m in held})
    ]
    return kept + added


@transaction.atomic
def person_leave(*, actor: User, organisation: Organisation, user: User) -> bool:
    """Mark someone as having left the organisation. Returns whether their account was
    switched off (they belong nowhere else)."""
    require_administrator(actor, organisation)
    held = current_memberships(organisation, user)
    if not held:
        raise ValidationError(f"{display_name(user)} has already left {organisation}.")
    _guard_last_administrator(organisation, user, held)
    day = timezone.localdate()
    for membership in held:
        _end(actor, membership, day)
    return _switch_off_if_gone(actor, user)
