"""Making and reading one-time form tokens.

A token is signed, so it cannot be forged or moved: it names the person it was made for and
the address of the form it belongs to, and it stops working after `MAX_AGE`.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.core import signing

FIELD = "submission_token"
SALT = "triplewin.submissions.one-time"
# Long enough for a form left open over lunch or overnight; short enough that spent tokens
# can be forgotten after a day (see services.spent_tokens_prune).
MAX_AGE = dt.timedelta(hours=24)

EXPIRED = (
    "This form was opened more than a day ago and has expired. Nothing has been saved: check "
    "your answers and send the form again."
)
UNREADABLE = (
    "This form could not be checked, so nothing has been saved. Check your answers and send "
    "the form again."
)


class BadToken(Exception):
    """The token is missing, expired, forged, or made for another person or form."""


def mint(*, user_id: int | None, purpose: str) -> str:
    payload = {"n": secrets.token_urlsafe(16), "u": user_id, "p": purpose}
    return signing.dumps(payload, salt=SALT)


def nonce_of(raw: str, *, user_id: int | None, purpose: str) -> str:
    """The token's nonce, if it is genuine, in date and made for this person and this form."""
    try:
        payload: Any = signing.loads(raw, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise BadToken(EXPIRED) from None
    except signing.BadSignature:
        raise BadToken(UNREADABLE) from None
    if not isinstance(payload, dict):
        raise BadToken(UNREADABLE)
    nonce = payload.get("n")
    if not isinstance(nonce, str) or payload.get("u") != user_id or payload.get("p") != purpose:
        raise BadToken(UNREADABLE)
    return nonce
