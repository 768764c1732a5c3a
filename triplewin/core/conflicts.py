"""The conflicts-of-interest register's time rules, in plain Python.

NHS England's conflicts of interest guidance asks people to refresh their declarations at
least once a year. A person is therefore "current" when they made a declaration or a nil
return within the last twelve months. A declared interest is "in force" on a day that falls
between its start and (if it has one) its end, both inclusive.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from triplewin.core.dates import add_months

REFRESH_MONTHS = 12


def refresh_due(declared_on: dt.date) -> dt.date:
    """The first day on which a declaration made on `declared_on` no longer counts.

    A declaration made on 29 February is due on 28 February the next year, because
    add_months clamps to the month's end.
    """
    return add_months(declared_on, REFRESH_MONTHS)


def is_current(declared_on: dt.date, today: dt.date) -> bool:
    """A declaration or nil return made on `declared_on` still counts on `today`."""
    return declared_on <= today < refresh_due(declared_on)


def latest_current(declared_on: Iterable[dt.date], today: dt.date) -> dt.date | None:
    """The most recent of the dates that still counts on `today`, or None."""
    current = [day for day in declared_on if is_current(day, today)]
    return max(current) if current else None


def in_force(valid_from: dt.date, valid_to: dt.date | None, on: dt.date) -> bool:
    """An interest applies on `on` if it had started and had not yet ended."""
    return valid_from <= on and (valid_to is None or on <= valid_to)
