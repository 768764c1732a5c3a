"""Jinja filters for display formatting; kept tiny so templates stay dumb."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone

from triplewin.core.dates import long_date
from triplewin.core.wording import counted


def govuk_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value)
        return f"{long_date(value)} at {value:%H:%M}"
    return long_date(value)


def pounds(value: float | int | None) -> str:
    if value is None:
        return ""
    return f"£{value:,.0f}"


FILTERS: dict[str, Callable[..., Any]] = {
    "govuk_date": govuk_date,
    "pounds": pounds,
    "counted": counted,
}
