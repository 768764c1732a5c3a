"""The personal survey link: a signed invitation id, useless to anyone but its person.

The signature stops anyone guessing or altering a link; the view also checks that the person
signed in is the one invited, so a forwarded link still cannot be used by someone else.
A link lasts 60 days, long enough for a survey round and its reminders (our choice: the
guidance sets no period); after that the person asks the project lead for a new one.
"""

from __future__ import annotations

import datetime as dt

from django.core import signing

SALT = "triplewin.learning.survey-invitation"
LINK_LIFETIME = dt.timedelta(days=60)


def make_token(invitation_id: int) -> str:
    return signing.dumps({"invitation": invitation_id}, salt=SALT)


class LinkExpired(Exception):
    pass


def read_token(token: str) -> int | None:
    """The invitation id; None for a link that is not genuine; LinkExpired for an old one."""
    try:
        value = signing.loads(token, salt=SALT, max_age=LINK_LIFETIME)
    except signing.SignatureExpired:
        raise LinkExpired() from None
    except signing.BadSignature:
        return None
    found = value.get("invitation") if isinstance(value, dict) else None
    return found if isinstance(found, int) else None
