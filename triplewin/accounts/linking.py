"""What a sign-in through an organisation's identity provider does the first time (ADR 0032).

The provider vouches for an email address. We believe it only for the domains its own
organisation has verified: an organisation's provider cannot sign anyone into an account at
another organisation's domain. Then:

- an account with that address is linked to the provider's identity, and signed in;
- otherwise, where someone was invited with that address, or the organisation allows it for
  that domain, a new account is made with no password (it signs in through the provider);
- otherwise the sign-in is refused with a plain message.

Every open invitation for the address is then accepted (`organisations.services.invitations.
invitation_accept`), which grants the memberships an administrator chose. Without one, a new
account has no membership, so no rights until the organisation's administrator grants one.

Signing in never grants access: access comes from memberships alone.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from triplewin.accounts.models import IdentityProvider, VerifiedDomain
from triplewin.audit import services as audit
from triplewin.organisations.models import Invitation
from triplewin.organisations.services.invitations import invitation_accept


class Outcome(enum.StrEnum):
    LINKED = "linked"
    CREATED = "created"
    REFUSED = "refused"


# Why a first sign-in was refused, in words the person can act on.
UNVERIFIED_EMAIL = (
    "Your organisation's sign-in service did not confirm your email address, so we cannot tell "
    "which account is yours. Ask your IT service desk to confirm it."
)
UNVERIFIED_DOMAIN = (
    "{provider} cannot sign in people with an email address at {domain}: the organisation has "
    "not verified that domain with Triple Win. Sign in with your password, or ask your "
    "organisation's administrator."
)
NO_ACCOUNT = (
    "There is no Triple Win account for {email}, and {organisation} does not let its people "
    "make one by signing in. Ask your organisation's administrator to invite you."
)
SWITCHED_OFF = (
    "Your Triple Win account has been switched off. Ask your organisation's administrator."
)


@dataclass(frozen=True)
class FirstSignIn:
    outcome: Outcome
    user: User | None = None
    reason: str = ""


def domain_of(email: str) -> str:
    return email.rpartition("@")[2].strip().lower()


def first_sign_in(
    *,
    provider: IdentityProvider,
    email: str,
    email_verified: bool,
    first_name: str = "",
    last_name: str = "",
) -> FirstSignIn:
    """Decide who a first sign-in through `provider` is, making the account if allowed.

    The caller links the provider's identity to the returned user. Open invitations for the
    address are accepted here, so an invited person's first sign-in gives them their roles.
    """
    email = email.strip().lower()
    if not email or not email_verified:
        return FirstSignIn(Outcome.REFUSED, reason=UNVERIFIED_EMAIL)
    domain = domain_of(email)
    verified = VerifiedDomain.objects.filter(
        organisation=provider.organisation, domain=domain
    ).first()
    if verified is None:
        return FirstSignIn(
            Outcome.REFUSED, reason=UNVERIFIED_DOMAIN.format(provider=provider.name, domain=domain)
        )
    existing = User.objects.filter(email__iexact=email).order_by("pk").first()
    if existing is None:
        existing = User.objects.filter(username__iexact=email).order_by("pk").first()
    invited = open_invitations(email)
    if existing is not None:
        if not existing.is_active:
            return FirstSignIn(Outcome.REFUSED, user=existing, reason=SWITCHED_OFF)
        _accept(invited, existing)
        return FirstSignIn(Outcome.LINKED, user=existing)
    if not verified.allow_account_creation and not invited:
        return FirstSignIn(
            Outcome.REFUSED,
            reason=NO_ACCOUNT.format(email=email, organisation=provider.organisation.name),
        )
    with transaction.atomic():
        user = account_create_from_sign_in(
            provider=provider, email=email, first_name=first_name, last_name=last_name
        )
        _accept(invited, user)
    return FirstSignIn(Outcome.CREATED, user=user)


def open_invitations(email: str) -> list[Invitation]:
    return list(
        Invitation.objects.filter(
            email__iexact=email,
            accepted_at__isnull=True,
            withdrawn_at__isnull=True,
            expires_at__gt=timezone.now(),
        ).order_by("created_at")
    )


def _accept(invitations: list[Invitation], user: User) -> None:
    """The provider vouched for the address the invitations were sent to: take them up."""
    for invitation in invitations:
        invitation_accept(invitation=invitation, user=user)


@transaction.atomic
def account_create_from_sign_in(
    *, provider: IdentityProvider, email: str, first_name: str, last_name: str
) -> User:
    """A new account with no membership and no password: it signs in through `provider`."""
    user = User(username=email, email=email, first_name=first_name[:150], last_name=last_name[:150])
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    audit.record(
        actor=user,
        action="account.created_by_sign_in",
        obj=user,
        changes={"email": [None, email], "identity_provider": [None, provider.slug]},
    )
    return user


def account_linked(*, user: User, provider: IdentityProvider, uid: str) -> None:
    """Record that `user` now also signs in through `provider` (allauth saves the link)."""
    audit.record(
        actor=user,
        action="account.identity_linked",
        obj=user,
        changes={"identity_provider": [None, provider.slug], "subject": [None, uid]},
    )
