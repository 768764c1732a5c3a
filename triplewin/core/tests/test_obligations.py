"""The obligations engine: due dates and states, table by table."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triplewin.core.obligations import (
    Kind,
    Obligation,
    ObligationFacts,
    ReminderKind,
    Status,
    disclosure_deadline,
    obligations,
    outcomes_obligation,
    reminder_kind,
    report_due_dates,
    status_for,
    summary_obligation,
)

D = dt.date
NYD, DUE, MET, OVERDUE, LATE = (
    Status.NOT_YET_DUE,
    Status.DUE,
    Status.MET,
    Status.OVERDUE,
    Status.MET_LATE,
)


@pytest.mark.parametrize(
    ("due", "opens", "met", "today", "expected"),
    [
        (None, None, None, D(2025, 1, 1), NYD),
        (D(2025, 6, 30), D(2025, 1, 1), None, D(2024, 12, 31), NYD),
        (D(2025, 6, 30), D(2025, 1, 1), None, D(2025, 1, 1), DUE),
        (D(2025, 6, 30), D(2025, 1, 1), None, D(2025, 6, 30), DUE),
        (D(2025, 6, 30), D(2025, 1, 1), None, D(2025, 7, 1), OVERDUE),
        (D(2025, 6, 30), D(2025, 1, 1), D(2025, 6, 30), D(2025, 7, 1), MET),
        (D(2025, 6, 30), D(2025, 1, 1), D(2025, 7, 1), D(2025, 7, 1), LATE),
        # Met before the window even opened still counts as met.
        (D(2025, 6, 30), D(2025, 1, 1), D(2024, 11, 1), D(2024, 12, 1), MET),
        # Met with no due date known (a summary published before any start date was set).
        (None, None, D(2025, 3, 1), D(2025, 4, 1), MET),
        # A record dated after today is not evidence yet.
        (D(2025, 6, 30), D(2025, 1, 1), D(2025, 5, 1), D(2025, 4, 1), DUE),
    ],
)
def test_status_for(due, opens, met, today, expected) -> None:
    assert status_for(due_on=due, opens_on=opens, met_on=met, today=today) is expected


@pytest.mark.parametrize(
    ("facts", "today", "due", "status"),
    [
        # No start date yet: nothing to measure against.
        (ObligationFacts(), D(2025, 1, 1), None, NYD),
        (ObligationFacts(planned_start=D(2025, 4, 1)), D(2025, 1, 1), D(2025, 4, 1), NYD),
        (ObligationFacts(planned_start=D(2025, 4, 1)), D(2025, 3, 2), D(2025, 4, 1), DUE),
        (ObligationFacts(planned_start=D(2025, 4, 1)), D(2025, 4, 2), D(2025, 4, 1), OVERDUE),
        # The actual start wins over the plan.
        (
            ObligationFacts(planned_start=D(2025, 4, 1), actual_start=D(2025, 5, 1)),
            D(2025, 4, 20),
            D(2025, 5, 1),
            DUE,
        ),
        (
            ObligationFacts(actual_start=D(2025, 5, 1), summary_published_on=D(2025, 4, 30)),
            D(2025, 6, 1),
            D(2025, 5, 1),
            MET,
        ),
        # Published on the start day: the delivery gate accepts it, so the engine does too.
        (
            ObligationFacts(actual_start=D(2025, 5, 1), summary_published_on=D(2025, 5, 1)),
            D(2025, 6, 1),
            D(2025, 5, 1),
            MET,
        ),
        (
            ObligationFacts(actual_start=D(2025, 5, 1), summary_published_on=D(2025, 5, 20)),
            D(2025, 6, 1),
            D(2025, 5, 1),
            LATE,
        ),
        # Scheduled for publication later: not met until that day arrives.
        (
            ObligationFacts(planned_start=D(2025, 5, 1), summary_published_on=D(2025, 4, 20)),
            D(2025, 4, 10),
            D(2025, 5, 1),
            DUE,
        ),
    ],
)
def test_summary_before_start(facts, today, due, status) -> None:
    found = summary_obligation(facts, today)
    assert found is not None
    assert (found.due_on, found.status) == (due, status)


def test_withdrawn_project_owes_no_summary_unless_it_published_one() -> None:
    today = D(2025, 6, 1)
    assert (
        summary_obligation(ObligationFacts(planned_start=D(2025, 1, 1), withdrawn=True), today)
        is None
    )
    published = ObligationFacts(
        planned_start=D(2025, 7, 1), withdrawn=True, summary_published_on=D(2025, 5, 1)
    )
    found = summary_obligation(published, today)
    assert found is not None
    assert found.status is MET


@pytest.mark.parametrize(
    ("ended", "today", "published", "due", "status"),
    [
        (D(2025, 3, 15), D(2025, 3, 16), None, D(2025, 9, 15), DUE),
        (D(2025, 3, 15), D(2025, 9, 15), None, D(2025, 9, 15), DUE),
        (D(2025, 3, 15), D(2025, 9, 16), None, D(2025, 9, 15), OVERDUE),
        (D(2025, 3, 15), D(2025, 10, 1), D(2025, 9, 1), D(2025, 9, 15), MET),
        (D(2025, 3, 15), D(2025, 10, 1), D(2025, 9, 20), D(2025, 9, 15), LATE),
        # Month ends: 31 August plus six months is the last day of February.
        (D(2025, 8, 31), D(2026, 3, 1), None, D(2026, 2, 28), OVERDUE),
        (D(2025, 8, 31), D(2026, 2, 28), None, D(2026, 2, 28), DUE),
        # Leap year: the same end a year earlier falls due on 29 February.
        (D(2023, 8, 31), D(2024, 2, 29), None, D(2024, 2, 29), DUE),
        (D(2023, 8, 31), D(2024, 3, 1), None, D(2024, 2, 29), OVERDUE),
        # 31 December ends fall due on 30 June.
        (D(2024, 12, 31), D(2025, 6, 30), None, D(2025, 6, 30), DUE),
        (D(2024, 12, 31), D(2025, 7, 1), None, D(2025, 6, 30), OVERDUE),
    ],
)
def test_outcomes_within_six_months(ended, today, published, due, status) -> None:
    facts = ObligationFacts(
        actual_start=D(2023, 1, 1), ended_on=ended, outcomes_published_on=published
    )
    found = outcomes_obligation(facts, today)
    assert found is not None
    assert (found.due_on, found.status) == (due, status)


def test_outcomes_not_yet_due_while_delivery_runs() -> None:
    found = outcomes_obligation(ObligationFacts(actual_start=D(2025, 1, 1)), D(2030, 1, 1))
    assert found is not None
    assert (found.due_on, found.status) == (None, NYD)
    assert outcomes_obligation(ObligationFacts(planned_start=D(2025, 1, 1)), D(2025, 2, 1)) is None


@pytest.mark.parametrize(
    ("year", "today", "disclosed", "status"),
    [
        (2024, D(2024, 12, 31), None, NYD),  # the year is not over yet
        (2024, D(2025, 1, 1), None, DUE),
        (2024, D(2025, 6, 30), None, DUE),
        (2024, D(2025, 7, 1), None, OVERDUE),
        (2024, D(2025, 7, 1), D(2025, 3, 31), MET),
        (2024, D(2025, 8, 1), D(2025, 7, 15), LATE),
        (2023, D(2024, 2, 29), None, DUE),  # leap day inside the window
    ],
)
def test_each_year_disclosed_by_30_june(year, today, disclosed, status) -> None:
    facts = ObligationFacts(
        actual_start=D(2023, 1, 1),
        tov_years=frozenset({year}),
        disclosed_on={year: disclosed} if disclosed else {},
    )
    (found,) = [o for o in obligations(facts, today) if o.kind is Kind.DISCLOSURE]
    assert found.due_on == disclosure_deadline(year) == D(year + 1, 6, 30)
    assert found.status is status
    assert found.key == f"disclosure-{year}"


def test_one_disclosure_per_year_in_order() -> None:
    facts = ObligationFacts(
        actual_start=D(2022, 1, 1),
        tov_years=frozenset({2024, 2022, 2023}),
        disclosed_on={2022: D(2023, 5, 1)},
    )
    found = [o for o in obligations(facts, D(2024, 3, 1)) if o.kind is Kind.DISCLOSURE]
    assert [(o.year, o.status) for o in found] == [(2022, MET), (2023, DUE), (2024, NYD)]


@pytest.mark.parametrize(
    ("start", "every", "ended", "today", "expected"),
    [
        (D(2025, 1, 15), 3, None, D(2025, 1, 15), [D(2025, 4, 15)]),
        (
            D(2025, 1, 15),
            3,
            None,
            D(2025, 7, 20),
            [D(2025, 4, 15), D(2025, 7, 15), D(2025, 10, 15)],
        ),
        # Month ends stay month ends: counted from the start, never from the last date.
        (
            D(2025, 1, 31),
            1,
            None,
            D(2025, 4, 1),
            [D(2025, 2, 28), D(2025, 3, 31), D(2025, 4, 30)],
        ),
        (D(2023, 8, 31), 6, None, D(2024, 3, 1), [D(2024, 2, 29), D(2024, 8, 31)]),
        # Terminated early: no report falls due after delivery stopped.
        (
            D(2025, 1, 1),
            3,
            D(2025, 8, 15),
            D(2026, 6, 1),
            [D(2025, 4, 1), D(2025, 7, 1)],
        ),
        (D(2025, 1, 1), 12, D(2025, 12, 31), D(2026, 6, 1), []),
        (D(2025, 1, 1), 12, D(2026, 1, 1), D(2026, 6, 1), [D(2026, 1, 1)]),
    ],
)
def test_report_due_dates(start, every, ended, today, expected) -> None:
    facts = ObligationFacts(actual_start=start, ended_on=ended, reporting_every_months=every)
    assert report_due_dates(facts, today) == expected


@pytest.mark.parametrize(
    "facts",
    [
        ObligationFacts(actual_start=None, reporting_every_months=3),
        ObligationFacts(actual_start=D(2025, 1, 1), reporting_every_months=None),
        ObligationFacts(actual_start=D(2025, 1, 1), reporting_every_months=0),
        ObligationFacts(actual_start=D(2025, 1, 1), reporting_every_months=3, withdrawn=True),
    ],
)
def test_no_reports_without_a_start_and_a_frequency(facts) -> None:
    assert report_due_dates(facts, D(2026, 1, 1)) == []


def test_reports_met_late_and_overdue() -> None:
    facts = ObligationFacts(
        actual_start=D(2025, 1, 1),
        reporting_every_months=3,
        reports={D(2025, 4, 1): D(2025, 3, 30), D(2025, 7, 1): D(2025, 7, 9)},
    )
    reports = [o for o in obligations(facts, D(2025, 10, 5)) if o.kind is Kind.REPORT]
    assert [(o.due_on, o.status) for o in reports] == [
        (D(2025, 4, 1), MET),
        (D(2025, 7, 1), LATE),
        (D(2025, 10, 1), OVERDUE),
        (D(2026, 1, 1), NYD),
    ]
    assert [o.title for o in reports][:2] == [
        "Progress report due 1 April 2025",
        "Progress report due 1 July 2025",
    ]


def test_project_terminated_early() -> None:
    """Stopped in August: outcomes six months from then, reports only up to then."""
    facts = ObligationFacts(
        planned_start=D(2025, 1, 1),
        actual_start=D(2025, 1, 1),
        ended_on=D(2025, 8, 31),
        terminated=True,
        summary_published_on=D(2024, 12, 1),
        tov_years=frozenset({2025}),
        reporting_every_months=6,
        reports={D(2025, 7, 1): D(2025, 7, 1)},
    )
    found = {o.key: o for o in obligations(facts, D(2026, 3, 1))}
    assert set(found) == {"summary", "outcomes", "disclosure-2025", "report-2025-07-01"}
    assert found["summary"].status is MET
    assert found["outcomes"].due_on == D(2026, 2, 28)
    assert found["outcomes"].status is OVERDUE
    assert "ended early" in found["outcomes"].title
    assert found["disclosure-2025"].status is DUE
    assert found["report-2025-07-01"].status is MET


def test_obligations_are_sorted_by_due_date_with_unknown_last() -> None:
    facts = ObligationFacts(
        planned_start=D(2025, 6, 1),
        actual_start=D(2025, 6, 1),
        tov_years=frozenset({2025}),
        reporting_every_months=12,
    )
    keys = [o.key for o in obligations(facts, D(2025, 7, 1))]
    assert keys == ["summary", "report-2026-06-01", "disclosure-2025", "outcomes"]
    assert [o.key for o in obligations(facts, D(2025, 7, 1), include_reports=False)] == [
        "summary",
        "disclosure-2025",
        "outcomes",
    ]


def _open(due: dt.date | None, status: Status = DUE) -> Obligation:
    return Obligation(Kind.SUMMARY, "summary", "Summary", due, status)


@pytest.mark.parametrize(
    ("days_before_due", "expected"),
    [
        (45, None),
        (31, None),
        (30, ReminderKind.MONTH_BEFORE),
        (8, ReminderKind.MONTH_BEFORE),
        (7, ReminderKind.WEEK_BEFORE),
        (1, ReminderKind.WEEK_BEFORE),
        (0, ReminderKind.DUE_TODAY),
        (-1, ReminderKind.OVERDUE),
        (-400, ReminderKind.OVERDUE),
    ],
)
def test_reminder_kind_bands(days_before_due, expected) -> None:
    today = D(2025, 6, 1)
    due = today + dt.timedelta(days=days_before_due)
    assert reminder_kind(_open(due), today) is expected


@pytest.mark.parametrize("status", [MET, LATE])
def test_no_reminder_once_met(status) -> None:
    assert reminder_kind(_open(D(2025, 6, 1), status), D(2025, 6, 1)) is None


def test_no_reminder_without_a_due_date() -> None:
    assert reminder_kind(_open(None, NYD), D(2025, 6, 1)) is None


@given(
    st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31)),
    st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31)),
)
def test_outcomes_due_is_always_six_calendar_months_on(ended: dt.date, today: dt.date) -> None:
    found = outcomes_obligation(ObligationFacts(actual_start=ended, ended_on=ended), today)
    assert found is not None
    assert found.due_on is not None
    months = (found.due_on.year * 12 + found.due_on.month) - (ended.year * 12 + ended.month)
    assert months == 6
    assert found.status is (OVERDUE if today > found.due_on else DUE if today >= ended else NYD)


# Any date the database can hold, including the ones a typing slip once let in.
any_date = st.one_of(
    st.sampled_from([dt.date.min, dt.date.max, dt.date(1, 1, 31), dt.date(9999, 12, 1)]),
    st.dates(),
)


@given(
    planned_start=st.none() | any_date,
    actual_start=st.none() | any_date,
    ended_on=st.none() | any_date,
    summary=st.none() | any_date,
    outcomes=st.none() | any_date,
    years=st.frozensets(st.integers(dt.MINYEAR, dt.MAXYEAR), max_size=3),
    every=st.none() | st.integers(1, 1200),
    today=any_date,
)
def test_the_engine_survives_any_stored_date(
    planned_start, actual_start, ended_on, summary, outcomes, years, every, today
):
    facts = ObligationFacts(
        planned_start=planned_start,
        actual_start=actual_start,
        ended_on=ended_on,
        summary_published_on=summary,
        outcomes_published_on=outcomes,
        tov_years=years,
        disclosed_on=dict.fromkeys(years, today),
        reporting_every_months=every,
    )
    found = obligations(facts, today)
    keys = [o.key for o in found]
    assert len(keys) == len(set(keys))
    for obligation in found:
        reminder_kind(obligation, today)
        obligation.days_until_due(today)


@pytest.mark.parametrize("day", [dt.date.min, dt.date.max])
def test_the_edges_of_the_calendar(day):
    facts = ObligationFacts(
        planned_start=day,
        actual_start=day,
        ended_on=day,
        tov_years=frozenset({day.year}),
        reporting_every_months=1,
    )
    found = obligations(facts, dt.date(2027, 1, 1))
    assert {o.kind for o in found} >= {Kind.SUMMARY, Kind.OUTCOMES, Kind.DISCLOSURE}
