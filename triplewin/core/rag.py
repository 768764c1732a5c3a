"""A project's delivery status as red, amber or green, computed from the monitoring records.

Plain Python: the delivery app gathers the inputs (milestone dates, how many KPIs are off
track, how many actions are overdue) and this module rates them. Each input is rated on its
own, with a sentence saying why, and the project takes the worst of them, so a reader can
always see which record turned the status red. People may override the result; that lives in
the delivery app, next to this computed value, never instead of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from triplewin.core.overrun import Overrun


class Rating(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    NOT_RATED = "not_rated"


LABELS: dict[Rating, str] = {
    Rating.GREEN: "Green",
    Rating.AMBER: "Amber",
    Rating.RED: "Red",
    Rating.NOT_RATED: "Not rated",
}

# Milestones: any open milestone past its planned date is amber; a month late is red.
MILESTONE_AMBER_DAYS = 1
MILESTONE_RED_DAYS = 30
# KPIs: one off track is amber; half or more off track is red.
KPI_AMBER_OFF_TRACK = 1
KPI_RED_SHARE = Fraction(1, 2)
# Actions from the action log: one overdue is amber; five or more overdue is red.
ACTIONS_AMBER_OVERDUE = 1
ACTIONS_RED_OVERDUE = 5

SEVERITY = {Rating.NOT_RATED: -1, Rating.GREEN: 0, Rating.AMBER: 1, Rating.RED: 2}


@dataclass(frozen=True)
class MilestoneDates:
    planned_on: dt.date
    actual_on: dt.date | None = None


@dataclass(frozen=True)
class RagInputs:
    today: dt.date
    milestones: tuple[MilestoneDates, ...] = ()
    kpis_off_track: int = 0
    kpis_total: int = 0
    overdue_actions: int = 0
    # Delivery past its planned end or the agreement's term (core.overrun), if it is.
    overrun: Overrun | None = None
    # Only a project in delivery can overrun; before or after, the timeline is not rated.
    in_delivery: bool = True


@dataclass(frozen=True)
class Factor:
    name: str
    rating: Rating
    explanation: str


@dataclass(frozen=True)
class RagResult:
    rating: Rating
    factors: tuple[Factor, ...]

    @property
    def label(self) -> str:
        return LABELS[self.rating]


def slippage_days(planned_on: dt.date, actual_on: dt.date | None, today: dt.date) -> int:
    """Days late: against the actual date once met, else against today (never negative then)."""
    if actual_on is not None:
        return (actual_on - planned_on).days
    return max(0, (today - planned_on).days)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def rate_milestones(milestones: Iterable[MilestoneDates], today: dt.date) -> Factor:
    items = list(milestones)
    if not items:
        return Factor("Milestones", Rating.NOT_RATED, "No milestones have been recorded.")
    late = [
        slippage_days(m.planned_on, None, today)
        for m in items
        if m.actual_on is None and slippage_days(m.planned_on, None, today) >= MILESTONE_AMBER_DAYS
    ]
    if not late:
        return Factor("Milestones", Rating.GREEN, "No open milestone is past its planned date.")
    worst = max(late)
    rating = Rating.RED if worst >= MILESTONE_RED_DAYS else Rating.AMBER
    return Factor(
        "Milestones",
        rating,
        f"{_plural(len(late), 'open milestone')} past the planned date, the latest by "
        f"{_plural(worst, 'day')}.",
    )


def rate_kpis(off_track: int, total: int) -> Factor:
    if off_track < 0 or total < 0 or off_track > total:
        raise ValueError(f"Impossible KPI counts: {off_track} off track of {total}.")
    if total == 0:
        return Factor("KPIs", Rating.NOT_RATED, "No KPIs have been defined yet.")
    if off_track < KPI_AMBER_OFF_TRACK:
        return Factor("KPIs", Rating.GREEN, f"All {_plural(total, 'KPI')} on track.")
    rating = Rating.RED if Fraction(off_track, total) >= KPI_RED_SHARE else Rating.AMBER
    return Factor("KPIs", rating, f"{off_track} of {_plural(total, 'KPI')} off track.")


def rate_actions(overdue: int) -> Factor:
    if overdue < 0:
        raise ValueError(f"Impossible count of overdue actions: {overdue}.")
    if overdue < ACTIONS_AMBER_OVERDUE:
        return Factor("Actions", Rating.GREEN, "No action in the action log is overdue.")
    rating = Rating.RED if overdue >= ACTIONS_RED_OVERDUE else Rating.AMBER
    return Factor("Actions", rating, f"{_plural(overdue, 'action')} overdue.")


def rate_timeline(found: Overrun | None, *, in_delivery: bool = True) -> Factor:
    if not in_delivery:
        return Factor("Timeline", Rating.NOT_RATED, "Only a project in delivery can overrun.")
    if found is None:
        return Factor(
            "Timeline", Rating.GREEN, "Delivery is within its planned end and the agreement's term."
        )
    return Factor("Timeline", Rating.RED if found.red else Rating.AMBER, found.text)


def worst(ratings: Iterable[Rating]) -> Rating:
    return max(ratings, key=SEVERITY.__getitem__, default=Rating.NOT_RATED)


def compute(inputs: RagInputs) -> RagResult:
    """The worst of the four factors.

    Overdue actions, or an overrun, alone can make a project amber or red, but cannot make it green: without
    milestones or KPIs there is nothing to say delivery is on track, so it stays unrated.
    """
    milestones = rate_milestones(inputs.milestones, inputs.today)
    kpis = rate_kpis(inputs.kpis_off_track, inputs.kpis_total)
    actions = rate_actions(inputs.overdue_actions)
    factors = (
        milestones,
        kpis,
        actions,
        rate_timeline(inputs.overrun, in_delivery=inputs.in_delivery),
    )
    rating = worst(f.rating for f in factors)
    no_evidence = milestones.rating is Rating.NOT_RATED and kpis.rating is Rating.NOT_RATED
    if no_evidence and rating is Rating.GREEN:
        rating = Rating.NOT_RATED
    return RagResult(rating, factors)
