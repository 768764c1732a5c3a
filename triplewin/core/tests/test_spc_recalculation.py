"""Recalculating limits from a sustained shift, the trajectory, and properties tying the
assurance reading to the data (ADR 0027)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triplewin.core import spc
from triplewin.core.spc import Assurance, Direction, Side

START = dt.date(2024, 1, 1)


def monthly(values: list[float]) -> list[tuple[dt.date, float]]:
    return [(dt.date(2024 + (i // 12), i % 12 + 1, 1), v) for i, v in enumerate(values)]


# The demo's discharge-bundle KPI: twelve values near 38, a climb, then ten at or above 80.
BUNDLE = [40.0, 39, 37, 38, 40, 37, 36, 37, 40, 40, 37, 39, 50, 58, 68, 74, 87, 85, 81, 86, 82]
BUNDLE += [81.0, 84, 86, 87, 84]


def test_one_set_of_limits_over_two_processes_misreads_the_target():
    # Mean 59.73; moving ranges mean 3.68; upper limit about 69.5, below the 80% target.
    plain = spc.analyse(monthly(BUNDLE), direction=Direction.UP, target=80)
    assert plain.limits is not None
    assert plain.limits.upper == pytest.approx(69.52, abs=0.01)
    assert plain.assurance is Assurance.FAILING


def test_the_shift_starts_new_limits_where_the_run_above_the_mean_begins():
    analysis, shifts = spc.recalculate(monthly(BUNDLE), direction=Direction.UP, target=80)
    # 68 (index 14) is the first value above the mean of 59.73; from there every value is,
    # a run of 12. The change began earlier: 58 lies above the limits of the values before it
    # (mean 39.23, upper limit 45.88), and so does 50 (mean 38.33, upper limit 42.93); 39
    # does not.
    first = shifts[0]
    assert (first.start, first.side, first.length) == (12, Side.HIGH, 12)
    assert first.period == dt.date(2025, 1, 1)
    assert analysis.segments[-1].start >= 12
    assert analysis.assurance is not Assurance.FAILING
    # Nothing is left to recalculate.
    assert spc.sustained_shift(analysis) is None


def test_a_run_of_six_is_not_a_shift():
    values = [10.0, 11, 9, 10, 11, 9, 10, 11, 9, 10, 20, 21, 20, 21, 20, 21]
    assert spc.sustained_shift(spc.analyse(monthly(values), direction=Direction.UP)) is None
    analysis, shifts = spc.recalculate(monthly([*values, 20]), direction=Direction.UP)
    assert [s.start for s in shifts] == [10]
    assert len(analysis.segments) == 2


def test_a_run_that_has_ended_is_not_sustained():
    values = [10.0, 11, 9, 10, 11, 9, 20, 21, 20, 21, 20, 21, 20, 10, 9, 11]
    assert spc.recalculate(monthly(values), direction=Direction.UP)[1] == ()


def test_recalculation_keeps_the_steps_already_chosen():
    chosen = spc.Baseline(steps=(dt.date(2024, 6, 1),))
    analysis, shifts = spc.recalculate(monthly(BUNDLE), direction=Direction.UP, baseline=chosen)
    assert analysis.segments[1].start == 5
    assert all(s.start > 5 for s in shifts)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (dt.date(2023, 1, 1), 40.0),  # before the baseline: the baseline
        (dt.date(2024, 1, 1), 40.0),
        (dt.date(2024, 7, 1), 40 + 40 * 182 / 366),  # 2024 is a leap year
        (dt.date(2025, 1, 1), 80.0),
        (dt.date(2030, 1, 1), 80.0),  # after the target date: the target
    ],
)
def test_trajectory_is_a_straight_line_from_baseline_to_target(on, expected):
    found = spc.trajectory(
        start=dt.date(2024, 1, 1), start_value=40, end=dt.date(2025, 1, 1), end_value=80, on=on
    )
    assert found == pytest.approx(expected)


# Values as KPI figures are kept: up to one decimal place, within a realistic range.
figures = st.integers(min_value=0, max_value=20_000).map(lambda n: n / 10)
directions = st.sampled_from(list(Direction))


@st.composite
def ending_on_one_side(draw: st.DrawFn, *, meet: bool) -> tuple[list[float], float, Direction]:
    """A series whose last RUN_LENGTH values all meet (or all miss) a target."""
    direction = draw(directions)
    target = draw(figures)
    before = draw(st.lists(figures, min_size=0, max_size=40))
    gaps = draw(
        st.lists(
            st.integers(min_value=0 if meet else 1, max_value=5_000).map(lambda n: n / 10),
            min_size=spc.RUN_LENGTH,
            max_size=spc.RUN_LENGTH + 10,
        )
    )
    above = (direction is Direction.UP) is meet
    recent = [target + g if above else target - g for g in gaps]
    return [*before, *recent], target, direction


@given(ending_on_one_side(meet=True))
def test_recent_values_all_meeting_the_target_never_read_failing(case):
    values, target, direction = case
    analysis, _ = spc.recalculate(monthly(values), direction=direction, target=target)
    assert all(spc.target_met(v, target, direction) for v in values[-spc.RUN_LENGTH :])
    assert analysis.assurance is not Assurance.FAILING


@given(ending_on_one_side(meet=False))
def test_recent_values_all_missing_the_target_never_read_passing(case):
    values, target, direction = case
    analysis, _ = spc.recalculate(monthly(values), direction=direction, target=target)
    assert not any(spc.target_met(v, target, direction) for v in values[-spc.RUN_LENGTH :])
    assert analysis.assurance is not Assurance.PASSING


@given(st.lists(figures, min_size=2, max_size=80), directions)
def test_recalculation_leaves_no_sustained_shift_and_moves_forward(values, direction):
    analysis, shifts = spc.recalculate(monthly(values), direction=direction)
    assert spc.sustained_shift(analysis) is None
    starts = [s.start for s in shifts]
    assert starts == sorted(set(starts))
    # Each recorded shift is where a segment of the final analysis starts.
    assert set(starts) <= {seg.start for seg in analysis.segments}
    for shift in shifts:
        assert shift.length >= spc.RUN_LENGTH


@given(
    figures,
    figures,
    st.integers(min_value=1, max_value=2_000),
    st.integers(min_value=-100, max_value=2_100),
)
def test_the_trajectory_stays_between_baseline_and_target(start_value, end_value, days, at):
    found = spc.trajectory(
        start=START,
        start_value=start_value,
        end=START + dt.timedelta(days=days),
        end_value=end_value,
        on=START + dt.timedelta(days=at),
    )
    assert min(start_value, end_value) - 1e-9 <= found <= max(start_value, end_value) + 1e-9
