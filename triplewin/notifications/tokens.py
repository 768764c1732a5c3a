"""The signed link in every email that changes one choice without signing in.

It is for one person and one kind of message only, is signed with a salt used for nothing
else, and lasts a year (our choice: long enough for an old email to still work, short enough
that a forwarded one stops working). It changes an email choice and does nothing else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User
from django.core import signing
from django.urls import reverse

from triplewin.core.notifications import Kind

SALT = "triplewin.notifications.email-choice"
MAX_AGE = dt.timedelta(days=365)


class BadLink(Exception):
    def __init__(self, expired: bool) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


@dataclass(frozen=True)
class LinkFor:
    user: User
    kind: Kind


def make_token(user: User, kind: Kind) -> str:
    return signing.dumps({"u": user.pk, "k": kind.value}, salt=SALT)


def link(user: User, kind: Kind) -> str:
    path = reverse("notifications:by-link", args=[make_token(user, kind)])
    return settings.SITE_URL.rstrip("/") + path


def read_token(token: str) -> LinkFor:
    """The person and kind a token is for; BadLink if it is altered, expired or stale."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise BadLink(expired=True) from None
    except signing.BadSignature:
        raise BadLink(expired=False) from None
    try:
        kind = Kind(data["k"])
        user = User.objects.get(pk=int(data["u"]), is_active=True)
    except (KeyError, TypeError, ValueError, User.DoesNotExist):
        raise BadLink(expired=False) from None
    return LinkFor(user=user, kind=kind)
