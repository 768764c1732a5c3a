"""The transparency obligations of a partnership, computed from its dates and records.

Four kinds of obligation follow from the ABPI Code and the guidance:

- the executive summary is public before the project starts;
- the summary of outcomes is public within six months of completion (or of an early end);
- each calendar year's transfers of value are disclosed by 30 June of the following year;
- progress is reported at the frequency the partners agreed in the PID.

Each obligation has a due date (None while it cannot be known yet) and a state. The
Django side builds `ObligationFacts` from the database; nothing here queries anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from triplewin.core.dates import add_days, add_months, long_date, year_day
from triplewin.core.outcomes import WITHIN_MONTHS
from triplewin.core.outcomes import due_on as outcomes_due_on


class Kind(StrEnum):
    SUMMARY = "summary"
    OUTCOMES = "outcomes"
    DISCLOSURE = "disclosure"
    REPORT = "report"


class Status(StrEnum):
    NOT_YET_DUE = "not_yet_due"
    DUE = "due"
    MET = "met"
    OVERDUE = "overdue"
    MET_LATE = "met_late"


STATUS_LABELS: dict[Status, str] = {
    Status.NOT_YET_DUE: "Not yet due",
    Status.DUE: "Due",
    Status.MET: "Met",
    Status.OVERDUE: "Overdue",
    Status.MET_LATE: "Met late",
}
OPEN = frozenset({Status.NOT_YET_DUE, Status.DUE, Status.OVERDUE})

# How long before its deadline a summary or a progress report counts as "due" rather than
# "not yet due"; it matches the first reminder, so the state and the emails agree.
DUE_WINDOW_DAYS = 30
OUTCOMES_WITHIN_MONTHS = WITHIN_MONTHS
# A safety stop for the report schedule: fifty years of monthly reports.
MAX_REPORTS = 600


def disclosure_deadline(year: int) -> dt.date:
    """Disclosure UK publishes year N by the end of June N+1."""
    return year_day(year + 1, 6, 30)


@dataclass(frozen=True)
class ObligationFacts:
    planned_start: dt.date | None = None
    actual_start: dt.date | None = None
    # The day delivery ended, completion or an early termination, as
    # `core.outcomes.delivery_ended_on` reads it.
    ended_on: dt.date | None = None
    terminated: bool = False
    withdrawn: bool = False
    summary_published_on: dt.date | None = None
    outcomes_published_on: dt.date | None = None
    # Calendar years in which the project recorded any transfer of value.
    tov_years: frozenset[int] = frozenset()
    # Year -> the day the last company with transfers that year marked it disclosed.
    disclosed_on: Mapping[int, dt.date] = field(default_factory=dict)
    reporting_every_months: int | None = None
    # Report due date -> the day that report was submitted.
    reports: Mapping[dt.date, dt.date] = field(default_factory=dict)

    @property
    def start(self) -> dt.date | None:
        return self.actual_start or self.planned_start


@dataclass(frozen=True)
class Obligation:
    kind: Kind
    key: str  # stable within a project: used to deduplicate reminders
    title: str
    due_on: dt.date | None
    status: Status
    met_on: dt.date | None = None
    year: int | None = None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    def days_until_due(self, today: dt.date) -> int | None:
        return None if self.due_on is None else (self.due_on - today).days


def status_for(
    *, due_on: dt.date | None, opens_on: dt.date | None, met_on: dt.date | None, today: dt.date
) -> Status:
    """Met, or met late, once done; otherwise where today falls against the window."""
    if met_on is not None and met_on <= today:
        return Status.MET_LATE if due_on is not None and met_on > due_on else Status.MET
    if due_on is None or (opens_on is not None and today < opens_on):
        return Status.NOT_YET_DUE
    return Status.OVERDUE if today > due_on else Status.DUE


def _published(day: dt.date | None, today: dt.date) -> dt.date | None:
    # A publication scheduled for a later day has not happened yet.
    return day if day is not None and day <= today else None


def summary_obligation(facts: ObligationFacts, today: dt.date) -> Obligation | None:
    published = _published(facts.summary_published_on, today)
    if facts.withdrawn and published is None:
        return None
    start = facts.start
    return Obligation(
        kind=Kind.SUMMARY,
        key="summary",
        title="Executive summary published before the project starts",
        due_on=start,
        status=status_for(
            due_on=start,
            opens_on=add_days(start, -DUE_WINDOW_DAYS) if start else None,
            met_on=published,
            today=today,
        ),
        met_on=published,
    )


def outcomes_obligation(facts: ObligationFacts, today: dt.date) -> Obligation | None:
    if facts.withdrawn or (facts.actual_start is None and facts.ended_on is None):
        return None
    due = outcomes_due_on(facts.ended_on) if facts.ended_on else None
    published = _published(facts.outcomes_published_on, today)
    ended = "the project ended early" if facts.terminated else "completion"
    return Obligation(
        kind=Kind.OUTCOMES,
        key="outcomes",
        title=f"Summary of outcomes published within six months of {ended}",
        due_on=due,
        status=status_for(due_on=due, opens_on=facts.ended_on, met_on=published, today=today),
        met_on=published,
    )


def disclosure_obligations(facts: ObligationFacts, today: dt.date) -> list[Obligation]:
    found = []
    for year in sorted(facts.tov_years):
        due = disclosure_deadline(year)
        met = facts.disclosed_on.get(year)
        found.append(
            Obligation(
                kind=Kind.DISCLOSURE,
                key=f"disclosure-{year}",
                title=f"Transfers of value for {year} disclosed on Disclosure UK",
                due_on=due,
                status=status_for(
                    due_on=due, opens_on=year_day(year + 1, 1, 1), met_on=met, today=today
                ),
                met_on=met,
                year=year,
            )
        )
    return found


def report_due_dates(facts: ObligationFacts, today: dt.date) -> list[dt.date]:
    """Every report date from the start of delivery: all those already passed, plus the next.

    Each date is counted from the start, not from the previous date, so a schedule that
    starts on 31 January stays on month ends (28 or 29 February, 31 March) without drifting.
    Once delivery has ended, only dates up to the end remain.
    """
    every = facts.reporting_every_months
    if not every or every < 1 or facts.actual_start is None or facts.withdrawn:
        return []
    dates: list[dt.date] = []
    for number in range(1, MAX_REPORTS + 1):
        due = add_months(facts.actual_start, number * every)
        if dates and due == dates[-1]:
            break  # the calendar ran out (a start stored as 9999-12-31)
        if facts.ended_on is not None:
            if due > facts.ended_on:
                break
        elif due > today:
            dates.append(due)
            break
        dates.append(due)
    return dates


def report_obligations(facts: ObligationFacts, today: dt.date) -> list[Obligation]:
    found = []
    for due in report_due_dates(facts, today):
        met = facts.reports.get(due)
        found.append(
            Obligation(
                kind=Kind.REPORT,
                key=f"report-{due.isoformat()}",
                title=f"Progress report due {long_date(due)}",
                due_on=due,
                status=status_for(
                    due_on=due, opens_on=add_days(due, -DUE_WINDOW_DAYS), met_on=met, today=today
                ),
                met_on=met,
            )
        )
    return found


def obligations(
    facts: ObligationFacts, today: dt.date, *, include_reports: bool = True
) -> tuple[Obligation, ...]:
    """Every obligation of one project, in order of due date (unknown dates last)."""
    found: list[Obligation] = []
    for single in (summary_obligation(facts, today), outcomes_obligation(facts, today)):
        if single is not None:
            found.append(single)
    found.extend(disclosure_obligations(facts, today))
    if include_reports:
        found.extend(report_obligations(facts, today))
    return tuple(sorted(found, key=lambda o: (o.due_on is None, o.due_on or today, o.key)))


class ReminderKind(StrEnum):
    MONTH_BEFORE = "30_days_before"
    WEEK_BEFORE = "7_days_before"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"


REMINDER_LABELS: dict[ReminderKind, str] = {
    ReminderKind.MONTH_BEFORE: "due within 30 days",
    ReminderKind.WEEK_BEFORE: "due within 7 days",
    ReminderKind.DUE_TODAY: "due today",
    ReminderKind.OVERDUE: "overdue",
}


def reminder_kind(obligation: Obligation, today: dt.date) -> ReminderKind | None:
    """Which reminder an open obligation calls for today, if any.

    Each kind covers a band of days rather than a single day, so a reminder run that was
    missed (a worker down over a weekend) still sends it on the next run; the reminder log
    sends each kind once, so later runs in the same band send nothing new.
    """
    days = obligation.days_until_due(today)
    if not obligation.is_open or days is None:
        return None
    if days < 0:
        return ReminderKind.OVERDUE
    if days == 0:
        return ReminderKind.DUE_TODAY
    if days <= 7:
        return ReminderKind.WEEK_BEFORE
    if days <= 30:
        return ReminderKind.MONTH_BEFORE
    return None


def action_reminder_kind(due_on: dt.date, today: dt.date) -> ReminderKind | None:
    """Which reminder an open action calls for today: on its due date, and once after.

    An action's owner was told the date when it was given, so there is no earlier reminder.
    A run missed on the due date sends the overdue reminder on the next run instead.
    """
    days = (due_on - today).days
    if days < 0:
        return ReminderKind.OVERDUE
    if days == 0:
        return ReminderKind.DUE_TODAY
    return None
