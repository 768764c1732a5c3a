"""The personal survey link: a signed invitation id, useless to anyone but its person.

The signature stops anyone guessing or altering a link; the view also checks that the person
signed in is the one invited, so a forwarded link still cannot be used by someone else.
"""

from __future__ import annotations

from django.core import signing

SALT = "triplewin.learning.survey-invitation"


def make_token(invitation_id: int) -> str:
    return signing.dumps({"invitation": invitation_id}, salt=SALT)


def read_token(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    found = value.get("invitation") if isinstance(value, dict) else None
    return found if isinstance(found, int) else None
