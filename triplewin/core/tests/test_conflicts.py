"""The annual refresh of conflicts-of-interest declarations."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triplewin.core.conflicts import in_force, is_current, latest_current, refresh_due


@pytest.mark.parametrize(
    ("declared", "due"),
    [
        (dt.date(2025, 3, 15), dt.date(2026, 3, 15)),
        (dt.date(2025, 1, 31), dt.date(2026, 1, 31)),
        (dt.date(2025, 12, 31), dt.date(2026, 12, 31)),
        # Leap day: the refresh falls due on the last day of February next year.
        (dt.date(2024, 2, 29), dt.date(2025, 2, 28)),
        (dt.date(2023, 2, 28), dt.date(2024, 2, 28)),
        (dt.date(2023, 3, 1), dt.date(2024, 3, 1)),
    ],
)
def test_refresh_due_is_twelve_months_later(declared: dt.date, due: dt.date) -> None:
    assert refresh_due(declared) == due


@pytest.mark.parametrize(
    ("declared", "today", "expected"),
    [
        (dt.date(2025, 3, 15), dt.date(2025, 3, 15), True),
        (dt.date(2025, 3, 15), dt.date(2026, 3, 14), True),
        (dt.date(2025, 3, 15), dt.date(2026, 3, 15), False),
        (dt.date(2025, 1, 31), dt.date(2026, 1, 30), True),
        (dt.date(2025, 1, 31), dt.date(2026, 1, 31), False),
        (dt.date(2024, 2, 29), dt.date(2025, 2, 27), True),
        (dt.date(2024, 2, 29), dt.date(2025, 2, 28), False),
        (dt.date(2023, 3, 1), dt.date(2024, 2, 29), True),
        # A declaration dated after the day in question did not exist yet.
        (dt.date(2025, 3, 15), dt.date(2025, 3, 14), False),
    ],
)
def test_is_current(declared: dt.date, today: dt.date, expected: bool) -> None:
    assert is_current(declared, today) is expected


def test_latest_current_ignores_expired_dates() -> None:
    today = dt.date(2026, 6, 1)
    dates = [dt.date(2024, 1, 1), dt.date(2025, 7, 1), dt.date(2025, 5, 31)]
    assert latest_current(dates, today) == dt.date(2025, 7, 1)
    assert latest_current([dt.date(2025, 6, 1)], today) is None
    assert latest_current([], today) is None


@pytest.mark.parametrize(
    ("valid_from", "valid_to", "on", "expected"),
    [
        (dt.date(2025, 1, 1), None, dt.date(2025, 1, 1), True),
        (dt.date(2025, 1, 1), None, dt.date(2030, 1, 1), True),
        (dt.date(2025, 1, 1), None, dt.date(2024, 12, 31), False),
        (dt.date(2025, 1, 1), dt.date(2025, 6, 30), dt.date(2025, 6, 30), True),
        (dt.date(2025, 1, 1), dt.date(2025, 6, 30), dt.date(2025, 7, 1), False),
    ],
)
def test_in_force(
    valid_from: dt.date, valid_to: dt.date | None, on: dt.date, expected: bool
) -> None:
    assert in_force(valid_from, valid_to, on) is expected


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_a_declaration_counts_for_between_365_and_366_days(declared: dt.date) -> None:
    due = refresh_due(declared)
    assert 365 <= (due - declared).days <= 366
    assert is_current(declared, due - dt.timedelta(days=1))
    assert not is_current(declared, due)
