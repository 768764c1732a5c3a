"""Who must use two-factor authentication (ADR 0032).

The issue asks for it where decisions carry most weight: certification signatories (their
certification binds the company), system oversight, administrators and organisation
administrators (who grant everyone else's access), and superusers. Our choice of roles; the
guidance says nothing on authentication.
"""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User

from triplewin.organisations.models import Membership, Role

TWO_FACTOR_ROLES = frozenset(
    {
        Role.CERTIFICATION_SIGNATORY,
        Role.SYSTEM_OVERSIGHT,
        Role.ADMINISTRATOR,
        Role.ORGANISATION_ADMINISTRATOR,
    }
)


def required(user: AbstractBaseUser | AnonymousUser) -> bool:
    if not isinstance(user, User) or not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff:
        return True
    return bool(Membership.objects.filter(user=user, role__in=TWO_FACTOR_ROLES).exists())


def set_up(user: User) -> bool:
    return bool(Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists())


def missing(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether this person must set up two-factor before anything else."""
    return isinstance(user, User) and required(user) and not set_up(user)
