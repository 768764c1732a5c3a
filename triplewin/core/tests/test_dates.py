"""Calendar arithmetic."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triplewin.core.dates import add_months, long_date, quarter_start


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (dt.date(2025, 1, 15), 0, dt.date(2025, 1, 15)),
        (dt.date(2025, 1, 15), 1, dt.date(2025, 2, 15)),
        (dt.date(2025, 8, 31), 6, dt.date(2026, 2, 28)),
        (dt.date(2023, 8, 31), 6, dt.date(2024, 2, 29)),
        (dt.date(2025, 1, 31), 1, dt.date(2025, 2, 28)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2025, 3, 31), 1, dt.date(2025, 4, 30)),
        (dt.date(2025, 5, 31), 4, dt.date(2025, 9, 30)),
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
        (dt.date(2024, 2, 29), 48, dt.date(2028, 2, 29)),
        (dt.date(2025, 11, 30), 2, dt.date(2026, 1, 30)),
        (dt.date(2025, 12, 31), 1, dt.date(2026, 1, 31)),
        (dt.date(2025, 7, 4), 30, dt.date(2028, 1, 4)),
        (dt.date(2025, 3, 15), -1, dt.date(2025, 2, 15)),
        (dt.date(2025, 3, 31), -1, dt.date(2025, 2, 28)),
        (dt.date(2025, 1, 10), -1, dt.date(2024, 12, 10)),
        (dt.date(2025, 1, 31), -13, dt.date(2023, 12, 31)),
        (dt.date(2026, 2, 28), -6, dt.date(2025, 8, 28)),
        (dt.date(2025, 6, 30), -24, dt.date(2023, 6, 30)),
    ],
)
def test_add_months(start: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(start, months) == expected


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),
    st.integers(min_value=-600, max_value=600),
)
def test_add_months_properties(day: dt.date, months: int) -> None:
    result = add_months(day, months)
    assert result.day <= day.day
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    if result.day < day.day:
        # Clamped: the result must be the last day of its month.
        assert (result + dt.timedelta(days=1)).day == 1


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 28)).filter(
        lambda d: d.day <= 28
    ),
    st.integers(min_value=-600, max_value=600),
)
def test_add_months_round_trips_for_early_days(day: dt.date, months: int) -> None:
    assert add_months(add_months(day, months), -months) == day


@pytest.mark.parametrize(
    ("quarter", "expected"),
    [
        (1, dt.date(2025, 1, 1)),
        (2, dt.date(2025, 4, 1)),
        (3, dt.date(2025, 7, 1)),
        (4, dt.date(2025, 10, 1)),
    ],
)
def test_quarter_start(quarter: int, expected: dt.date) -> None:
    assert quarter_start(2025, quarter) == expected


@pytest.mark.parametrize("quarter", [0, 5, -1, 12])
def test_quarter_start_rejects_bad_quarter(quarter: int) -> None:
    with pytest.raises(ValueError, match=f"Quarter must be 1 to 4, not {quarter}"):
        quarter_start(2025, quarter)


def test_long_date_has_no_leading_zero() -> None:
    assert long_date(dt.date(2027, 3, 1)) == "1 March 2027"
    assert long_date(dt.date(2026, 11, 25)) == "25 November 2026"
    assert long_date(dt.datetime(2026, 1, 9, 23, 59)) == "9 January 2026"


def test_arithmetic_stops_at_the_edges_of_the_calendar() -> None:
    from triplewin.core.dates import add_days, year_day

    assert add_months(dt.date(9999, 12, 31), 6) == dt.date.max
    assert add_months(dt.date(1, 1, 1), -1) == dt.date.min
    assert add_days(dt.date(1, 1, 1), -30) == dt.date.min
    assert add_days(dt.date.max, 1) == dt.date.max
    assert add_days(dt.date(2027, 1, 1), -1) == dt.date(2026, 12, 31)
    assert year_day(10000, 6, 30) == dt.date.max
    assert year_day(0, 1, 1) == dt.date.min
    assert year_day(2027, 6, 30) == dt.date(2027, 6, 30)
