"""Invitations by email: a one-time link that expires after seven days (ADR 0033).

The token in the link is never stored, only its SHA-256 hash: tokens are 256 random bits, so a
plain hash is enough (no salt or slow hash is needed against guessing).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.organisations import emails
from triplewin.organisations.models import Invitation, Membership, Organisation, Sector
from triplewin.organisations.services import membership_create, role_label
from triplewin.organisations.services.people import display_name, require_administrator

# Our choice: long enough to reach someone back from a week's leave, short enough that a
# forwarded or forgotten link soon stops working.
LIFETIME = dt.timedelta(days=7)

CLOSED = {
    "accepted": "This invitation has already been used. Sign in instead.",
    "withdrawn": "This invitation was withdrawn. Ask your organisation's administrator.",
    "expired": "This invitation has expired. Ask your organisation's administrator for a new one.",
}


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_for_token(token: str) -> Invitation | None:
    return Invitation.objects.select_related("organisation").filter(token_hash=_hash(token)).first()


def closed_reason(invitation: Invitation, now: dt.datetime) -> str | None:
    if invitation.accepted_at is not None:
        return CLOSED["accepted"]
    if invitation.withdrawn_at is not None:
        return CLOSED["withdrawn"]
    if now >= invitation.expires_at:
        return CLOSED["expired"]
    return None


def _withdraw(actor: User | None, invitation: Invitation, now: dt.datetime) -> None:
    invitation.withdrawn_at = now
    invitation.save(update_fields=["withdrawn_at"])
    audit.record(actor=actor, action="invitation.withdrawn", obj=invitation)


@transaction.atomic
def invitation_create(
    *,
    actor: User,
    organisation: Organisation,
    email: str,
    role: str,
    function: str = "",
    job_title: str = "",
) -> tuple[Invitation, str]:
    """Invite someone by email and send them the link. Returns the invitation and its token."""
    require_administrator(actor, organisation)
    email = get_user_model().objects.normalize_email(email.strip())
    if organisation.sector is not Sector.INDUSTRY:
        function = ""
    # The membership it will grant must be valid now (the company function rules).
    Membership(organisation=organisation, role=role, function=function).clean()
    if Membership.objects.filter(
        organisation=organisation, role=role, user__email__iexact=email
    ).exists():
        raise ValidationError({"email": f"{email} is already {role_label(role)} here."})
    now = timezone.now()
    # A new invitation replaces any open one for the same person and role.
    for earlier in Invitation.objects.select_for_update().filter(
        organisation=organisation,
        email__iexact=email,
        role=role,
        accepted_at__isnull=True,
        withdrawn_at__isnull=True,
    ):
        _withdraw(actor, earlier, now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        organisation=organisation,
        email=email,
        role=role,
        function=function,
        job_title=job_title,
        token_hash=_hash(token),
        invited_by=actor,
        created_at=now,
        expires_at=now + LIFETIME,
    )
    invitation.full_clean()
    invitation.save()
    audit.record(
        actor=actor,
        action="invitation.sent",
        obj=invitation,
        changes={"email": [None, email], "role": [None, role], "function": [None, function]},
    )
    emails.deliver(emails.invitation(invitation, token, display_name(actor)))
    return invitation, token


@transaction.atomic
def invitation_withdraw(*, actor: User, invitation: Invitation) -> None:
    require_administrator(actor, invitation.organisation)
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.accepted_at is not None or locked.withdrawn_at is not None:
        raise ValidationError("This invitation is no longer open.")
    _withdraw(actor, locked, timezone.now())


def _new_account(invitation: Invitation, password: str, first_name: str, last_name: str) -> User:
    if not first_name.strip():
        raise ValidationError({"first_name": "Enter your first name."})
    if not last_name.strip():
        raise ValidationError({"last_name": "Enter your last name."})
    candidate = get_user_model()(
        username=invitation.email.lower(),
        email=invitation.email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
    )
    try:
        validate_password(password, candidate)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error
    candidate.set_password(password)
    candidate.save()
    audit.record(actor=candidate, action="account.created", obj=candidate)
    return candidate


def _reopen(user: User, password: str) -> None:
    """A former leaver invited back chooses a new password: their old one was made unusable."""
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error
    user.set_password(password)
    user.is_active = True
    user.save(update_fields=["password", "is_active"])
    audit.record(
        actor=user, action="account.reopened", obj=user, changes={"is_active": [False, True]}
    )


def account_for(invitation: Invitation) -> User | None:
    """The existing account with the invitation's email address, if there is one."""
    return (
        get_user_model()
        .objects.filter(email__iexact=invitation.email)
        .order_by("-is_active", "pk")
        .first()
    )


@transaction.atomic
def invitation_accept(
    *,
    invitation: Invitation,
    user: User | None,
    password: str | None = None,
    first_name: str = "",
    last_name: str = "",
) -> Membership:
    """Take up an invitation: grant its membership to `user`, or to the account it names.

    With no `user`, the account with the invitation's email address is used if it is switched
    off (a leaver invited back, who chooses a new password); otherwise a new account is made
    with `password`. An active account with that address must sign in first, so that holding
    the link alone never opens someone else's account.
    """
    locked = (
        Invitation.objects.select_for_update().select_related("organisation").get(pk=invitation.pk)
    )
    problem = closed_reason(locked, timezone.now())
    if problem:
        raise ValidationError(problem)
    if user is None:
        existing = account_for(locked)
        if existing is not None and existing.is_active:
            raise ValidationError(
                f"There is already an account for {locked.email}. Sign in, then open the link "
                "again."
            )
        if not password:
            raise ValidationError({"password": "Choose a password."})
        if existing is None:
            user = _new_account(locked, password, first_name, last_name)
        else:
            _reopen(existing, password)
            user = existing
    elif (user.email or "").lower() != locked.email.lower():
        raise ValidationError(
            f"This invitation is for {locked.email}, but you are signed in as "
            f"{user.email or user.get_username()}. Sign out, then open the link again."
        )
    elif not user.is_active:
        if not password:
            raise ValidationError({"password": "Choose a new password."})
        _reopen(user, password)
    membership = Membership.objects.filter(
        user=user, organisation=locked.organisation, role=locked.role
    ).first() or membership_create(
        actor=user,
        user=user,
        organisation=locked.organisation,
        role=locked.role,
        function=locked.function,
        job_title=locked.job_title,
    )
    locked.accepted_at = timezone.now()
    locked.accepted_by = user
    locked.save(update_fields=["accepted_at", "accepted_by"])
    audit.record(
        actor=user,
        action="invitation.accepted",
        obj=locked,
        changes={"membership": [None, membership.pk]},
    )
    return membership
