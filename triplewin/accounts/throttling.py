"""How sign-in throttling (django-axes) names an account and words the lockout."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest


def username_of(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The account a sign-in attempt is for, the same however its email address is typed.

    Otherwise "Jane@NHS.net" and "jane@nhs.net " would each get their own ten tries.
    """
    raw = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(raw).strip().lower()


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
