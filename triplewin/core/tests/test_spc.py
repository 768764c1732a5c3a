"""XmR statistics against series worked out by hand, and properties that must always hold."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triplewin.core import spc
from triplewin.core.spc import Assurance, Baseline, Direction, Rule, Side, Signal, Variation

START = dt.date(2024, 1, 1)


def weekly(values: list[float]) -> list[tuple[dt.date, float]]:
    return [(START + dt.timedelta(weeks=i), v) for i, v in enumerate(values)]


def rules_at(analysis: spc.Analysis, index: int) -> set[tuple[Rule, Side]]:
    return {(s.rule, s.side) for s in analysis.points[index].signals}


# Worked example A: 10, 12, 11, 13, 14.
# Mean = 60 / 5 = 12. Moving ranges 2, 1, 2, 1; their mean = 6 / 4 = 1.5.
# Limits = 12 ± 2.66 x 1.5 = 12 ± 3.99, so 8.01 to 15.99.
# The outer third starts at 12 ± (2.66 x 2/3) x 1.5 = 12 ± 2.66, so 9.34 and 14.66.
EXAMPLE_A = [10.0, 12.0, 11.0, 13.0, 14.0]


def test_worked_example_limits() -> None:
    result = spc.analyse(weekly(EXAMPLE_A), direction=Direction.UP)
    lim = result.limits
    assert lim is not None
    assert lim.mean == pytest.approx(12)
    assert lim.mr_mean == pytest.approx(1.5)
    assert lim.upper == pytest.approx(15.99)
    assert lim.lower == pytest.approx(8.01)
    assert lim.upper_near == pytest.approx(14.66)
    assert lim.lower_near == pytest.approx(9.34)
    assert [p.moving_range for p in result.points] == [None, 2, 1, 2, 1]
    assert all(p.variation is Variation.COMMON for p in result.points)


def test_point_above_the_upper_limit_is_improvement_or_concern_by_direction() -> None:
    # Limits from the first five points (example A): 8.01 to 15.99; 17 is above.
    series = weekly([*EXAMPLE_A, 17.0])
    up = spc.analyse(series, direction=Direction.UP, baseline=Baseline(first=5))
    down = spc.analyse(series, direction=Direction.DOWN, baseline=Baseline(first=5))
    assert (Rule.BEYOND_LIMITS, Side.HIGH) in rules_at(up, 5)
    assert up.variation is Variation.IMPROVEMENT
    assert down.variation is Variation.CONCERN
    assert up.points[5].in_baseline is False
    assert up.segments[0].baseline_points == 5


def test_point_below_the_lower_limit() -> None:
    result = spc.analyse(
        weekly([*EXAMPLE_A, 8.0]), direction=Direction.UP, baseline=Baseline(first=5)
    )
    assert (Rule.BEYOND_LIMITS, Side.LOW) in rules_at(result, 5)
    assert result.variation is Variation.CONCERN


# Worked example B: baseline 3, 1, 3, 1 gives mean 2 and moving ranges 2, 2, 2: mean 2.
# Limits 2 ± 5.32; outer third from 2 ± 3.547. Values of 2.5 and 3 sit above the mean,
# inside the limits and the outer third, so only the run rule can fire.
BASE_B = [3.0, 1.0, 3.0, 1.0]


def test_run_of_seven_above_the_mean() -> None:
    result = spc.analyse(
        weekly([*BASE_B, 2.5, 3, 2.5, 3, 2.5, 3, 2.5]),
        direction=Direction.DOWN,
        baseline=Baseline(first=4),
    )
    assert result.limits == spc.Limits(mean=2, mr_mean=2)
    flagged = [i for i, p in enumerate(result.points) if p.signals]
    assert flagged == list(range(4, 11))
    assert all(rules_at(result, i) == {(Rule.RUN, Side.HIGH)} for i in flagged)
    assert result.variation is Variation.CONCERN


def test_run_of_six_is_not_a_signal_unless_the_run_length_is_six() -> None:
    series = weekly([*BASE_B, 2.5, 3, 2.5, 3, 2.5, 3])
    default = spc.analyse(series, direction=Direction.UP, baseline=Baseline(first=4))
    shorter = spc.analyse(series, direction=Direction.UP, baseline=Baseline(first=4), run_length=6)
    assert not any(p.signals for p in default.points)
    assert [i for i, p in enumerate(shorter.points) if p.signals] == list(range(4, 10))


def test_a_point_on_the_mean_ends_a_run() -> None:
    series = weekly([*BASE_B, 2.5, 3, 2.5, 2, 3, 2.5, 3])
    result = spc.analyse(series, direction=Direction.UP, baseline=Baseline(first=4))
    assert not any(p.signals for p in result.points)


# Worked example C: 1, 2, 3, 4, 5, 6. Mean 3.5, moving ranges all 1, limits 3.5 ± 2.66
# (0.84 to 6.16): nothing beyond. Runs are three long. Outer third from 3.5 ± 1.773
# (1.727 and 5.273): only 1 and 6 are in it, never two in a window of three. Six rising
# points make a trend.
def test_trend_of_six_rising_points() -> None:
    result = spc.analyse(weekly([1, 2, 3, 4, 5, 6]), direction=Direction.UP)
    assert result.limits is not None
    assert result.limits.upper == pytest.approx(6.16)
    assert all(rules_at(result, i) == {(Rule.TREND, Side.HIGH)} for i in range(6))
    assert result.variation is Variation.IMPROVEMENT


def test_trend_of_six_falling_points_is_a_concern_when_up_is_better() -> None:
    result = spc.analyse(weekly([6, 5, 4, 3, 2, 1]), direction=Direction.UP)
    assert all(rules_at(result, i) == {(Rule.TREND, Side.LOW)} for i in range(6))
    assert result.variation is Variation.CONCERN


def test_five_rising_points_or_a_repeat_are_not_a_trend() -> None:
    five = spc.analyse(weekly([1, 2, 3, 4, 5]), direction=Direction.UP)
    repeated = spc.analyse(weekly([1, 2, 3, 3, 4, 5, 6]), direction=Direction.UP)
    assert not any(Rule.TREND in {s.rule for s in p.signals} for p in five.points)
    assert not any(Rule.TREND in {s.rule for s in p.signals} for p in repeated.points)


def test_trend_length_is_a_parameter() -> None:
    result = spc.analyse(weekly([1, 2, 3, 4, 5]), direction=Direction.UP, trend_length=5)
    assert all((Rule.TREND, Side.HIGH) in rules_at(result, i) for i in range(5))


# Worked example D: baseline 10, 12, 10, 12: mean 11, moving ranges 2: limits 11 ± 5.32
# (5.68 to 16.32), outer third above 11 + 3.547 = 14.547. Then 15, 11, 15: two of three in
# the outer third on the high side; 11 (on the mean) is not marked.
def test_two_of_three_in_the_outer_third() -> None:
    result = spc.analyse(
        weekly([10, 12, 10, 12, 15, 11, 15]), direction=Direction.UP, baseline=Baseline(first=4)
    )
    assert result.limits is not None
    assert result.limits.upper_near == pytest.approx(14.5467, abs=1e-4)
    assert rules_at(result, 4) == {(Rule.TWO_OF_THREE, Side.HIGH)}
    assert rules_at(result, 5) == set()
    assert rules_at(result, 6) == {(Rule.TWO_OF_THREE, Side.HIGH)}
    assert result.variation is Variation.IMPROVEMENT


def test_two_near_points_on_opposite_sides_are_not_a_signal() -> None:
    result = spc.analyse(
        weekly([10, 12, 10, 12, 15, 11, 7]), direction=Direction.UP, baseline=Baseline(first=4)
    )
    assert not any(p.signals for p in result.points)


def test_step_change_starts_new_limits() -> None:
    # Segment 1 is example A (mean 12, limits 8.01 to 15.99); segment 2 is example A plus 20:
    # mean 32, moving ranges 2, 1, 2, 1 again, limits 28.01 to 35.99.
    series = weekly([*EXAMPLE_A, *(v + 20 for v in EXAMPLE_A)])
    step = series[5][0]
    result = spc.analyse(series, direction=Direction.UP, baseline=Baseline(steps=(step,)))
    first, second = result.segments
    assert (first.start, first.stop, second.start, second.stop) == (0, 5, 5, 10)
    assert first.limits == spc.Limits(mean=12, mr_mean=1.5)
    assert second.limits == spc.Limits(mean=32, mr_mean=1.5)
    assert result.points[5].moving_range is None
    assert not any(p.signals for p in result.points)
    # Without the step the jump of 20 is special cause.
    plain = spc.analyse(series, direction=Direction.UP)
    assert any(p.signals for p in plain.points)


def test_baseline_from_a_date_range() -> None:
    # Points 1 to 3 (10, 12, 11): mean 11, moving ranges 2 and 1: mean 1.5.
    series = weekly(EXAMPLE_A)
    result = spc.analyse(
        series, direction=Direction.UP, baseline=Baseline(start=series[0][0], end=series[2][0])
    )
    assert result.limits == spc.Limits(mean=11, mr_mean=1.5)
    assert [p.in_baseline for p in result.points] == [True, True, True, False, False]


def test_a_baseline_with_one_point_falls_back_to_all_points() -> None:
    series = weekly(EXAMPLE_A)
    result = spc.analyse(
        series, direction=Direction.UP, baseline=Baseline(start=series[4][0], end=series[4][0])
    )
    assert result.segments[0].baseline_as_chosen is False
    assert result.limits == spc.Limits(mean=12, mr_mean=1.5)


def test_points_arrive_in_any_order() -> None:
    series = weekly(EXAMPLE_A)
    result = spc.analyse(list(reversed(series)), direction=Direction.UP)
    assert [p.value for p in result.points] == EXAMPLE_A


def test_one_point_has_no_limits_and_no_assurance() -> None:
    result = spc.analyse(weekly([5]), direction=Direction.UP, target=10)
    assert result.limits is None
    assert result.assurance is None
    assert result.variation is Variation.COMMON


def test_empty_series() -> None:
    result = spc.analyse([], direction=Direction.UP)
    assert result.latest is None
    assert result.variation is None


@pytest.mark.parametrize(
    ("target", "direction", "expected"),
    [
        (20, Direction.UP, Assurance.FAILING),  # target above the upper limit 15.99
        (5, Direction.UP, Assurance.PASSING),  # target below the lower limit 8.01
        (12, Direction.UP, Assurance.INCONSISTENT),
        (15.99, Direction.UP, Assurance.INCONSISTENT),  # on the limit counts as within
        (20, Direction.DOWN, Assurance.PASSING),
        (5, Direction.DOWN, Assurance.FAILING),
    ],
)
def test_assurance(target: float, direction: Direction, expected: Assurance) -> None:
    result = spc.analyse(weekly(EXAMPLE_A), direction=direction, target=target)
    assert result.assurance is expected


def test_signals_in_both_directions_read_as_concern() -> None:
    signals = [Signal(Rule.RUN, Side.HIGH), Signal(Rule.TREND, Side.LOW)]
    assert spc.classify(signals, Direction.UP) is Variation.CONCERN
    assert spc.classify(signals, Direction.DOWN) is Variation.CONCERN
    assert spc.classify([], Direction.UP) is Variation.COMMON


@pytest.mark.parametrize(
    ("baseline", "latest", "target", "expected"),
    [
        (67, 88, 95, 75.0),  # 21 of the 28 points to go
        (65, 97, 95, 320 / 3),  # beyond the target
        (10, 8, 5, 40.0),  # a measure that improves downwards
        (10, 12, 5, -40.0),  # moved away from the target
        (10, 12, 10, None),
    ],
)
def test_progress(baseline: float, latest: float, target: float, expected: float | None) -> None:
    result = spc.progress(baseline, latest, target)
    assert result == (None if expected is None else pytest.approx(expected))


def test_target_met() -> None:
    assert spc.target_met(90, 90, Direction.UP)
    assert not spc.target_met(89.9, 90, Direction.UP)
    assert spc.target_met(4, 5, Direction.DOWN)
    assert not spc.target_met(6, 5, Direction.DOWN)


values_strategy = st.lists(
    st.integers(min_value=-10_000, max_value=10_000).map(float), min_size=2, max_size=60
)


@given(values_strategy)
def test_limits_are_symmetric_about_the_mean(values: list[float]) -> None:
    lim = spc.limits(values)
    assert lim is not None
    assert lim.upper - lim.mean == pytest.approx(lim.mean - lim.lower)
    assert lim.lower <= lim.lower_near <= lim.mean <= lim.upper_near <= lim.upper


@given(st.floats(min_value=-1e6, max_value=1e6), st.integers(min_value=2, max_value=40))
def test_a_constant_series_has_zero_width_and_no_signals(value: float, length: int) -> None:
    result = spc.analyse(weekly([value] * length), direction=Direction.UP)
    lim = result.limits
    assert lim is not None
    assert lim.mr_mean == 0
    assert lim.upper == lim.lower == lim.mean == pytest.approx(value)
    assert all(p.variation is Variation.COMMON for p in result.points)


@given(values_strategy, st.integers(min_value=-5000, max_value=5000))
def test_shifting_every_value_shifts_the_mean_and_keeps_the_width(
    values: list[float], shift: int
) -> None:
    before = spc.limits(values)
    after = spc.limits([v + shift for v in values])
    assert before is not None
    assert after is not None
    assert after.mean == pytest.approx(before.mean + shift)
    assert after.mr_mean == pytest.approx(before.mr_mean)


@given(values_strategy, st.integers(min_value=1, max_value=50))
def test_scaling_scales_mean_and_moving_range(values: list[float], factor: int) -> None:
    before = spc.limits(values)
    after = spc.limits([v * factor for v in values])
    assert before is not None
    assert after is not None
    assert after.mean == pytest.approx(before.mean * factor)
    assert after.mr_mean == pytest.approx(before.mr_mean * factor)


@given(values_strategy)
def test_mirroring_the_data_and_the_direction_gives_the_same_reading(values: list[float]) -> None:
    up = spc.analyse(weekly(values), direction=Direction.UP, target=values[0])
    down = spc.analyse(weekly([-v for v in values]), direction=Direction.DOWN, target=-values[0])
    assert [p.variation for p in up.points] == [p.variation for p in down.points]
    assert up.assurance is down.assurance


@given(values_strategy)
def test_every_point_beyond_a_limit_is_flagged(values: list[float]) -> None:
    result = spc.analyse(weekly(values), direction=Direction.UP)
    lim = result.limits
    assert lim is not None
    for point in result.points:
        outside = point.value > lim.upper or point.value < lim.lower
        assert outside == any(s.rule is Rule.BEYOND_LIMITS for s in point.signals)
        assert math.isfinite(point.value)


def _two_of_three_by_windows(values: list[float], lim: spc.Limits) -> list[Side | None]:
    """The rule read literally, window by window: the reference for the faster version."""
    near = [
        Side.HIGH if v > lim.upper_near else Side.LOW if v < lim.lower_near else None
        for v in values
    ]
    marked: list[Side | None] = [None] * len(values)
    for start in range(len(values) - 2):
        window = near[start : start + 3]
        for side in (Side.HIGH, Side.LOW):
            if window.count(side) >= 2:
                for i in range(start, start + 3):
                    if near[i] is side:
                        marked[i] = side
    return marked


@given(
    st.lists(
        st.floats(min_value=-50, max_value=50, allow_nan=False).map(lambda v: round(v, 1)),
        min_size=0,
        max_size=40,
    )
)
def test_two_of_three_matches_the_window_by_window_reading(values: list[float]) -> None:
    lim = spc.Limits(mean=0.0, mr_mean=6.0)  # outer third beyond ±10.64, limits ±15.96
    assert spc.two_of_three(values, lim) == _two_of_three_by_windows(values, lim)


@given(st.lists(st.floats(min_value=-30, max_value=30, allow_nan=False), max_size=30))
def test_beyond_limits_is_each_value_against_its_limit(values: list[float]) -> None:
    lim = spc.Limits(mean=1.0, mr_mean=5.0)  # limits 1 ± 13.3
    expected = [Side.HIGH if v > lim.upper + 1e-9 * abs(lim.upper) else None for v in values]
    expected = [
        e if e is not None else (Side.LOW if v < lim.lower - 1e-9 * abs(lim.lower) else None)
        for e, v in zip(expected, values, strict=True)
    ]
    assert spc.beyond_limits(values, lim) == expected
