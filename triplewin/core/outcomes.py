"""The deadline for the summary of project outcomes: six months after delivery ends.

The ABPI Code asks for outcomes to be published promptly, and within six months of
completion. The clock starts on the day of completion; a month-end completion date falls due
on the last day of the sixth month (31 August -> 28 or 29 February).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from triplewin.core.dates import add_months, long_date

WITHIN_MONTHS = 6


def _days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


@dataclass(frozen=True)
class Deadline:
    completed_on: dt.date
    due_on: dt.date
    today: dt.date
    published_on: dt.date | None = None

    @property
    def met(self) -> bool:
        return self.published_on is not None and self.published_on <= self.today

    @property
    def overdue(self) -> bool:
        return not self.met and self.today > self.due_on

    @property
    def days_left(self) -> int:
        """Whole days from today to the due date; 0 on the day and once it has passed."""
        return max((self.due_on - self.today).days, 0) if not self.met else 0

    @property
    def days_overdue(self) -> int:
        return (self.today - self.due_on).days if self.overdue else 0

    @property
    def days_late(self) -> int:
        """How long after the deadline the summary was published; 0 when on time."""
        if not self.met or self.published_on is None:
            return 0
        return max((self.published_on - self.due_on).days, 0)

    @property
    def text(self) -> str:
        due = long_date(self.due_on)
        if self.met and self.published_on is not None:
            published = long_date(self.published_on)
            if self.days_late:
                return (
                    f"Published on {published}, {_days(self.days_late)} after the deadline of {due}"
                )
            return f"Published on {published}, within the deadline of {due}"
        if self.overdue:
            return f"Overdue by {_days(self.days_overdue)}: it was due by {due}"
        if self.days_left == 0:
            return f"Due today, {due}"
        return f"Due by {due}, {_days(self.days_left)} left"


def outcomes_deadline(
    *, completed_on: dt.date, today: dt.date, published_on: dt.date | None = None
) -> Deadline:
    return Deadline(
        completed_on=completed_on,
        due_on=add_months(completed_on, WITHIN_MONTHS),
        today=today,
        published_on=published_on,
    )
