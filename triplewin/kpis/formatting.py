"""Numbers and periods as people read them: 1,204 people, 87.5%, June 2025."""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal

from triplewin.core.dates import long_date
from triplewin.core.kpi_files import Frequency, period_label

SYMBOL_UNITS = frozenset({"%", "£"})


def number(value: float | Decimal | None) -> str:
    """Up to two decimal places, trailing zeros dropped, with thousands separators."""
    if value is None:
        return ""
    text = f"{float(value):,.2f}"
    if text.endswith(".00"):
        text = text[:-3]
    elif text.endswith("0"):
        text = text[:-1]
    return "0" if text == "-0" else text


def with_unit(value: float | Decimal | None, unit: str) -> str:
    if value is None:
        return ""
    text = number(value)
    if unit == "%":
        return f"{text}%"
    if unit == "£":
        return f"£{text}"
    return f"{text} {unit}" if unit else text


@functools.lru_cache(maxsize=8192)
def period(start: dt.date, frequency: str) -> str:
    # Cached: a dashboard labels the same few hundred periods for every KPI.
    return period_label(start, Frequency(frequency))


def day(value: dt.date | None) -> str:
    return long_date(value)
