"""Overruns: delivery running past its planned end, or past the agreement's term.

The guidance asks that delays and changes of scope go through a project amendment, agreed by
the project team and each governance committee, with a variation to the contract ("Accelerating
transformation" 2024, stage 3: project amendments). An approved amendment is the only way the
planned end date moves, so a project still in delivery after its planned end has overrun
without one. The agreement's term is read as running from the date of the agreement for its
stated number of months; an approved amendment whose variation agreement every party has
signed covers running past it. Reading the term from the agreement's date, and the 30 days
after which an overrun turns red, are the product's own choices: the sources set neither.

The RAG status, the Deadlines page and the oversight dashboard all read `overrun()`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from triplewin.core.dates import add_months, long_date

# The product's own threshold, matching the milestones: a month over is red.
RED_AFTER_DAYS = 30


@dataclass(frozen=True)
class OverrunFacts:
    in_delivery: bool
    planned_end: dt.date | None = None
    agreement_date: dt.date | None = None
    term_months: int | None = None
    # An approved amendment whose variation agreement every party has signed.
    term_varied: bool = False
    # An amendment submitted for sign-off and not yet decided.
    amendment_pending: bool = False

    @property
    def term_ends(self) -> dt.date | None:
        if self.agreement_date is None or not self.term_months:
            return None
        return add_months(self.agreement_date, self.term_months) - dt.timedelta(days=1)


@dataclass(frozen=True)
class Overrun:
    what: str  # "planned end" or "agreement term"
    since: dt.date  # the last day delivery was within it
    days: int
    pending: bool

    @property
    def red(self) -> bool:
        return self.days >= RED_AFTER_DAYS

    @property
    def text(self) -> str:
        plural = "" if self.days == 1 else "s"
        waiting = (
            " An amendment is awaiting sign-off."
            if self.pending
            else " Agree a project amendment (and a variation to the agreement) or end delivery."
        )
        return (
            f"Delivery has run {self.days} day{plural} past the {self.what} "
            f"({long_date(self.since)}) without an approved amendment.{waiting}"
        )


def overruns(facts: OverrunFacts, today: dt.date) -> tuple[Overrun, ...]:
    """Every overrun of a project in delivery, the longest first."""
    if not facts.in_delivery:
        return ()
    found = []
    if facts.planned_end is not None and today > facts.planned_end:
        found.append(
            Overrun(
                "planned end date",
                facts.planned_end,
                (today - facts.planned_end).days,
                facts.amendment_pending,
            )
        )
    term_ends = facts.term_ends
    if term_ends is not None and today > term_ends and not facts.term_varied:
        found.append(
            Overrun(
                "agreement's term", term_ends, (today - term_ends).days, facts.amendment_pending
            )
        )
    return tuple(sorted(found, key=lambda o: -o.days))


def overrun(facts: OverrunFacts, today: dt.date) -> Overrun | None:
    """The longest overrun, or None when delivery is within its dates."""
    found = overruns(facts, today)
    return found[0] if found else None
