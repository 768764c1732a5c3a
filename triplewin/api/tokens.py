"""Creating, revoking and checking API tokens: the only code that handles their secrets.

A token reads `tw_<prefix>_<secret>`. The prefix finds the row; the secret is 32 random bytes
and only its SHA-256 is stored. A slow hash (as for passwords) buys nothing for a secret with
256 bits of entropy, and every API request checks one (ADR 0036).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Collection, Iterable
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.api.models import ApiToken, Scope
from triplewin.audit import services as audit
from triplewin.core.input_guard import safe_text
from triplewin.organisations.models import Membership, Organisation, Role
from triplewin.partnerships.models import Project

PREFIX = "tw"
# Our choice: a year at most, so a forgotten token dies on its own.
LONGEST = dt.timedelta(days=366)
# Last use is written at most this often, so reading the API is not a write per request.
LAST_USE_EVERY = dt.timedelta(minutes=1)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def may_manage(user: Any, organisation: Organisation) -> bool:
    """Its organisation administrators, and platform administrators (superusers)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if getattr(user, "is_superuser", False):
        return True
    return Membership.objects.filter(
        user=user, organisation=organisation, role=Role.ORGANISATION_ADMINISTRATOR
    ).exists()


def managed_organisations(user: Any) -> list[Organisation]:
    if not getattr(user, "is_authenticated", False):
        return []
    if getattr(user, "is_superuser", False):
        return list(Organisation.objects.order_by("name"))
    return list(
        Organisation.objects.filter(
            memberships__user=user, memberships__role=Role.ORGANISATION_ADMINISTRATOR
        )
        .distinct()
        .order_by("name")
    )


def partner_projects(organisation: Organisation) -> list[Project]:
    return list(
        Project.objects.filter(partners__organisation=organisation).distinct().order_by("title")
    )


@transaction.atomic
def token_create(
    *,
    actor: User,
    organisation: Organisation,
    name: str,
    scopes: Collection[str],
    expires_on: dt.date,
    projects: Iterable[Project] = (),
    today: dt.date | None = None,
) -> tuple[ApiToken, str]:
    """A new token and its secret text, which is never shown or kept again."""
    if not may_manage(actor, organisation):
        raise PermissionError("Only the organisation's administrators create its API tokens.")
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    name = safe_text(name).strip()
    if not name:
        errors["name"] = "Enter a name that says what the token is for, like 'BI feed'."
    elif len(name) > 100:
        errors["name"] = "Keep the name under 100 characters."
    chosen = sorted(set(scopes))
    if not chosen:
        errors["scopes"] = "Choose at least one thing the token may do."
    elif set(chosen) - set(Scope.values):
        errors["scopes"] = "Choose from the listed permissions."
    if expires_on <= today:
        errors["expires_on"] = "The expiry date must be after today."
    elif expires_on > today + LONGEST:
        errors["expires_on"] = "A token can last a year at most. Choose an earlier date."
    limited = list(projects)
    own = {p.pk for p in partner_projects(organisation)}
    if any(p.pk not in own for p in limited):
        errors["projects"] = f"Choose only projects {organisation.name} is a partner in."
    if errors:
        raise ValidationError(errors)
    prefix = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    text = f"{PREFIX}_{prefix}_{secret}"
    token = ApiToken.objects.create(
        organisation=organisation,
        name=name,
        prefix=prefix,
        secret_hash=_digest(text),
        scopes=chosen,
        expires_on=expires_on,
        created_by=actor,
    )
    token.projects.set(limited)
    audit.record(
        actor=actor,
        action="api.token_created",
        obj=token,
        changes={
            "organisation": [None, organisation.name],
            "name": [None, name],
            "scopes": [None, chosen],
            "expires_on": [None, expires_on.isoformat()],
            "projects": [None, sorted(p.pk for p in limited)],
        },
    )
    return token, text


@transaction.atomic
def token_revoke(*, actor: User, token: ApiToken) -> ApiToken:
    locked = ApiToken.objects.select_for_update().get(pk=token.pk)
    if not may_manage(actor, locked.organisation):
        raise PermissionError("Only the organisation's administrators revoke its API tokens.")
    if locked.revoked_at is not None:
        return locked
    locked.revoked_at = timezone.now()
    locked.revoked_by = actor
    locked.save(update_fields=["revoked_at", "revoked_by"])
    audit.record(
        actor=actor,
        action="api.token_revoked",
        obj=locked,
        changes={"revoked_at": [None, locked.revoked_at.isoformat()]},
    )
    return locked


def authenticate(text: str, *, now: dt.datetime | None = None) -> ApiToken | None:
    """The usable token this text is, or None: unknown, wrong secret, revoked, expired, or its
    creator's account closed (a leaver's tokens stop with them; our choice)."""
    parts = text.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX or not parts[1] or not parts[2]:
        return None
    token = (
        ApiToken.objects.select_related("organisation", "created_by")
        .filter(prefix=parts[1][:16])
        .first()
    )
    if token is None or not hmac.compare_digest(token.secret_hash, _digest(text.strip())):
        return None
    now = now or timezone.now()
    if not token.is_usable(timezone.localdate(now)) or not token.created_by.is_active:
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USE_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def label(token: ApiToken) -> str:
    """How the audit trail names what a person acted through."""
    return f"API token \u201c{token.name}\u201d ({token.prefix})"
