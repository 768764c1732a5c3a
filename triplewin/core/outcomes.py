"""The deadline for the summary of project outcomes: six months after delivery ends.

The ABPI Code asks for outcomes to be published promptly, and within six months of
completion. The clock starts on the day delivery ended; a month-end date falls due on the
last day of the sixth month (31 August -> 28 or 29 February).

Delivery ends either by completion or by an early termination. The guidance asks for the
outcomes of every project to be published, whatever happened ("Accelerating transformation",
stage 3: outcomes reporting), so a terminated project owes an outcomes (closure) summary on
the same clock. `delivery_ended_on` is the one answer to "has delivery ended, and when":
the compliance panel, the deadlines page, the reminders and the public register all read it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from triplewin.core.dates import add_months, long_date
from triplewin.core.lifecycle import State

WITHIN_MONTHS = 6
# The states in which delivery has ended, normally or early, and the clock is running.
ENDED_STATES = frozenset({State.COMPLETED, State.OUTCOMES_PUBLISHED, State.TERMINATED})
# The states from which an outcomes summary may be drafted, approved and published.
OUTCOMES_OPEN_STATES = frozenset({State.COMPLETED, State.TERMINATED})


@dataclass(frozen=True)
class DeliveryEnd:
    """What the records say about how delivery ended; every date may be missing."""

    state: State
    actual_end: dt.date | None = None  # the completion's actual end date
    terminated_on: dt.date | None = None  # the termination record's "date delivery stopped"
    completed_marker: dt.date | None = None  # the day completion was recorded
    terminated_marker: dt.date | None = None  # the day termination was recorded

    @property
    def terminated(self) -> bool:
        return self.terminated_on is not None or self.terminated_marker is not None


def delivery_ended_on(end: DeliveryEnd) -> dt.date | None:
    """The day the outcomes clock starts, or None while delivery has not ended.

    A terminated project counts from the day delivery stopped, as recorded with the
    termination (falling back to the day the termination was recorded); a completed one from
    its actual end date (falling back to the day completion was recorded).
    """
    if end.state not in ENDED_STATES:
        return None
    if end.terminated:
        return end.terminated_on or end.actual_end or end.terminated_marker
    return end.actual_end or end.completed_marker


def due_on(ended_on: dt.date) -> dt.date:
    return add_months(ended_on, WITHIN_MONTHS)


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
        due_on=due_on(completed_on),
        today=today,
        published_on=published_on,
    )
