"""The outcomes deadline: six months after completion, month ends and leap years included."""

from __future__ import annotations

import datetime as dt

import pytest

from triplewin.core.outcomes import outcomes_deadline


@pytest.mark.parametrize(
    ("completed", "due"),
    [
        (dt.date(2025, 1, 15), dt.date(2025, 7, 15)),
        (dt.date(2025, 8, 31), dt.date(2026, 2, 28)),
        (dt.date(2023, 8, 31), dt.date(2024, 2, 29)),
        (dt.date(2023, 8, 29), dt.date(2024, 2, 29)),
        (dt.date(2024, 2, 29), dt.date(2024, 8, 29)),
        (dt.date(2025, 3, 31), dt.date(2025, 9, 30)),
        (dt.date(2025, 12, 31), dt.date(2026, 6, 30)),
        (dt.date(2025, 7, 31), dt.date(2026, 1, 31)),
    ],
)
def test_due_six_months_after_completion(completed, due):
    assert outcomes_deadline(completed_on=completed, today=completed).due_on == due


def test_due_with_days_left_from_the_day_of_completion():
    d = outcomes_deadline(completed_on=dt.date(2025, 8, 31), today=dt.date(2025, 8, 31))
    assert (d.overdue, d.met, d.days_left) == (False, False, 181)
    assert d.text == "Due by 28 February 2026, 181 days left"
    one = outcomes_deadline(completed_on=dt.date(2025, 8, 31), today=dt.date(2026, 2, 27))
    assert one.text == "Due by 28 February 2026, 1 day left"


def test_due_today_is_not_yet_overdue():
    d = outcomes_deadline(completed_on=dt.date(2023, 8, 31), today=dt.date(2024, 2, 29))
    assert not d.overdue
    assert d.text == "Due today, 29 February 2024"


def test_overdue_the_day_after():
    d = outcomes_deadline(completed_on=dt.date(2023, 8, 31), today=dt.date(2024, 3, 1))
    assert (d.overdue, d.days_overdue, d.days_left) == (True, 1, 0)
    assert d.text == "Overdue by 1 day: it was due by 29 February 2024"
    later = outcomes_deadline(completed_on=dt.date(2023, 8, 31), today=dt.date(2024, 3, 31))
    assert later.text == "Overdue by 31 days: it was due by 29 February 2024"


def test_published_on_time_or_late():
    on_time = outcomes_deadline(
        completed_on=dt.date(2025, 1, 15),
        today=dt.date(2026, 1, 1),
        published_on=dt.date(2025, 7, 15),
    )
    assert (on_time.met, on_time.overdue, on_time.days_late) == (True, False, 0)
    assert on_time.text == "Published on 15 July 2025, within the deadline of 15 July 2025"
    late = outcomes_deadline(
        completed_on=dt.date(2025, 1, 15),
        today=dt.date(2026, 1, 1),
        published_on=dt.date(2025, 7, 17),
    )
    assert (late.met, late.overdue, late.days_late) == (True, False, 2)
    assert late.text == "Published on 17 July 2025, 2 days after the deadline of 15 July 2025"


def test_a_publication_dated_in_the_future_has_not_happened_yet():
    d = outcomes_deadline(
        completed_on=dt.date(2025, 1, 15),
        today=dt.date(2025, 8, 1),
        published_on=dt.date(2025, 8, 2),
    )
    assert not d.met
    assert d.overdue
