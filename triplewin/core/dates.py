"""Calendar arithmetic for deadlines, in plain Python."""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day N months later, clamped to the month's end (31 Aug + 6 months = 28/29 Feb).

    A result beyond the calendar (a date stored as 9999-12-31, say) stops at its first or last
    day rather than failing: a stored date must never break a page.
    """
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if year > dt.MAXYEAR:
        return dt.date.max
    if year < dt.MINYEAR:
        return dt.date.min
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def add_days(day: dt.date, days: int) -> dt.date:
    """`day` plus `days`, stopping at the first or last day of the calendar."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def year_day(year: int, month: int, day: int) -> dt.date:
    """A day of `year`, with years beyond the calendar stopping at its first or last day."""
    if year > dt.MAXYEAR:
        return dt.date.max
    if year < dt.MINYEAR:
        return dt.date.min
    return dt.date(year, month, day)


def quarter_start(year: int, quarter: int) -> dt.date:
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"Quarter must be 1 to 4, not {quarter}.")
    return dt.date(year, 3 * (quarter - 1) + 1, 1)


def long_date(day: dt.date | None) -> str:
    """'1 March 2027': the NHS style for dates in text, with no leading zero on the day.

    A datetime reads as its date; no date reads as an empty string.
    """
    return f"{day.day} {day:%B %Y}" if day is not None else ""
