"""Sign-in throttling (ADR 0032): allauth's `login_failed` limit, counted in the shared cache.

One mechanism for the password, the two-factor code and the admin (whose sign-in is ours).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms import Form

LOCKED_CODE = "too_many_login_attempts"


def cool_off() -> dt.timedelta:
    found = getattr(settings, "SIGN_IN_COOL_OFF", dt.timedelta(minutes=15))
    return found if isinstance(found, dt.timedelta) else dt.timedelta(minutes=15)


def locked(form: Form) -> bool:
    """Whether allauth refused this form because too many sign-ins failed."""
    return any(form.has_error(field, LOCKED_CODE) for field in (NON_FIELD_ERRORS, *form.fields))


def duration(delta: dt.timedelta) -> str:
    """'15 minutes', '1 hour', '1 hour and 30 minutes': a wait in plain English."""
    minutes = max(1, round(delta.total_seconds() / 60))
    hours, minutes = divmod(minutes, 60)
    parts = [
        f"{n} {unit}{'' if n == 1 else 's'}"
        for n, unit in ((hours, "hour"), (minutes, "minute"))
        if n
    ]
    return " and ".join(parts)
