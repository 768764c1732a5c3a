"""XmR statistical process control in the NHS "Making Data Count" style.

An XmR chart plots each value (X) against the mean of a baseline and its process limits. The
limits sit at the mean plus or minus 2.66 times the mean moving range (the average absolute
difference between consecutive values); 2.66 is 3 / 1.128, so the limits are three sigma.

Four rules signal special-cause variation, each checked within one segment of the chart:

- a point beyond a process limit;
- a run of seven or more points on one side of the mean (a point on the mean ends a run);
- a trend of six or more points each higher, or each lower, than the one before (two equal
  values end a trend);
- two of three consecutive points in the outer third of the limits (beyond two sigma) on the
  same side of the mean. Only the points in the outer third are marked.

Whether a signal is an improvement or a concern depends on the direction in which the
measure improves. A point with signals in both directions is a concern: the cautious reading.

Assurance compares the target with the limits of the latest segment: a target inside the
limits will be hit and missed at random (inconsistent); a target outside them will be passed
(or failed) consistently until the process itself changes.

A step change starts a new segment whose limits come from its own points. The baseline picks
the points the limits are calculated from: the first N points of each segment, or the points
in a date range. A segment with fewer than two baseline points uses all its points.

Recalculating the limits (ADR 0027). A sustained shift is a run of seven or more points on
one side of the current segment's mean that is still going at the latest point: the process
has moved and has not come back. `sustained_shift` finds it and `recalculate` starts a new
segment where the change began, again and again until no shift is left, so the assurance
reading describes the process as it runs now, not an average of old and new.

On or off track is not an SPC reading: `trajectory` is the straight line from the baseline
(value and date) to the target (value and date), and a value is on track when it meets where
that line stands at the end of the value's period.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import itertools
import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

SCALING = 2.66
# The outer third of the limits starts at two sigma: two thirds of the way to each limit.
NEAR_SCALING = SCALING * 2 / 3
RUN_LENGTH = 7
TREND_LENGTH = 6
# Making Data Count suggests at least 15 points (ideally 20) before limits are relied upon.
RELIABLE_POINTS = 15


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"


class Side(StrEnum):
    HIGH = "high"
    LOW = "low"


class Rule(StrEnum):
    BEYOND_LIMITS = "beyond_limits"
    RUN = "run"
    TREND = "trend"
    TWO_OF_THREE = "two_of_three"


class Variation(StrEnum):
    COMMON = "common_cause"
    IMPROVEMENT = "special_cause_improvement"
    CONCERN = "special_cause_concern"


class Assurance(StrEnum):
    PASSING = "consistently_passing"
    FAILING = "consistently_failing"
    INCONSISTENT = "inconsistent"


@dataclass(frozen=True)
class Limits:
    mean: float
    mr_mean: float

    @property
    def upper(self) -> float:
        return self.mean + SCALING * self.mr_mean

    @property
    def lower(self) -> float:
        return self.mean - SCALING * self.mr_mean

    @property
    def upper_near(self) -> float:
        return self.mean + NEAR_SCALING * self.mr_mean

    @property
    def lower_near(self) -> float:
        return self.mean - NEAR_SCALING * self.mr_mean


@dataclass(frozen=True)
class Baseline:
    """Which points the limits come from, and where a step change starts new limits."""

    first: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    steps: tuple[dt.date, ...] = ()


class Signal(NamedTuple):
    rule: Rule
    side: Side


# One instance of each possible signal, shared by every point that shows it.
SIGNALS = {(rule, side): Signal(rule, side) for rule in Rule for side in Side}


# Named tuples rather than dataclasses: a dashboard creates thousands of points per request.
class Point(NamedTuple):
    period: dt.date
    value: float
    segment: int
    moving_range: float | None
    in_baseline: bool
    signals: tuple[Signal, ...]
    variation: Variation


@dataclass(frozen=True)
class Segment:
    start: int  # index of its first point
    stop: int  # index after its last point
    limits: Limits | None
    baseline_points: int
    # False when the chosen baseline held fewer than two of this segment's points.
    baseline_as_chosen: bool


@dataclass(frozen=True)
class Analysis:
    points: tuple[Point, ...]
    segments: tuple[Segment, ...]
    direction: Direction
    target: float | None

    @property
    def latest(self) -> Point | None:
        return self.points[-1] if self.points else None

    @property
    def limits(self) -> Limits | None:
        """The limits of the latest segment: the ones the process runs within now."""
        return self.segments[-1].limits if self.segments else None

    @property
    def variation(self) -> Variation | None:
        return self.points[-1].variation if self.points else None

    @property
    def assurance(self) -> Assurance | None:
        limits = self.limits
        if limits is None or self.target is None:
            return None
        return assurance(limits, self.target, self.direction)

    def limits_for(self, point: Point) -> Limits | None:
        return self.segments[point.segment].limits


def _outside(values: Sequence[float], high: float, low: float) -> list[Side | None]:
    """Above `high` or below `low`, in one pass; floating-point noise in a computed line
    counts as on it."""
    above = high + max(abs(high) * 1e-9, 1e-12)
    below = low - max(abs(low) * 1e-9, 1e-12)
    up, down = Side.HIGH, Side.LOW  # local names: enum attribute lookups cost per value
    return [up if v > above else down if v < below else None for v in values]


def _sides(values: Sequence[float], line: float) -> list[Side | None]:
    """Above or below a line."""
    return _outside(values, line, line)


def moving_ranges(values: Sequence[float]) -> list[float]:
    return [abs(b - a) for a, b in itertools.pairwise(values)]


def limits(values: Sequence[float]) -> Limits | None:
    """The mean and mean moving range of a baseline; None with fewer than two values."""
    if len(values) < 2:
        return None
    ranges = moving_ranges(values)
    return Limits(mean=math.fsum(values) / len(values), mr_mean=math.fsum(ranges) / len(ranges))


def beyond_limits(values: Sequence[float], lim: Limits) -> list[Side | None]:
    return _outside(values, lim.upper, lim.lower)


def _mark_stretches(keys: Sequence[Side | None], length: int) -> list[Side | None]:
    """Keep each maximal stretch of equal, non-None keys that is at least `length` long."""
    count = len(keys)
    marked: list[Side | None] = [None] * count
    start = 0
    for i in range(1, count + 1):
        # Keys are enum members or None, so identity is equality.
        if i == count or keys[i] is not keys[start]:
            if keys[start] is not None and i - start >= length:
                marked[start:i] = [keys[start]] * (i - start)
            start = i
    return marked


def runs(values: Sequence[float], mean: float, length: int = RUN_LENGTH) -> list[Side | None]:
    return _mark_stretches(_sides(values, mean), length)


def trends(values: Sequence[float], length: int = TREND_LENGTH) -> list[Side | None]:
    """Points in a stretch of `length` or more, each above (or below) the one before."""
    marked: list[Side | None] = [None] * len(values)
    up, down = Side.HIGH, Side.LOW
    steps = [up if b > a else down if b < a else None for a, b in itertools.pairwise(values)]
    # A trend of n points is n - 1 steps in the same direction.
    for i, side in enumerate(_mark_stretches(steps, length - 1)):
        if side is not None:
            marked[i] = marked[i + 1] = side
    return marked


def two_of_three(values: Sequence[float], lim: Limits) -> list[Side | None]:
    """Points in the outer third that share a window of three with another on their side."""
    near = _outside(values, lim.upper_near, lim.lower_near)
    last_start = len(values) - 3
    marked: list[Side | None] = [None] * len(values)
    for i, side in enumerate(near):
        if side is None:
            continue  # most points: within two sigma
        # The windows of three consecutive points that contain point i.
        for start in range(max(0, i - 2), min(i, last_start) + 1):
            window = near[start : start + 3]
            if window.count(side) >= 2:
                marked[i] = side
                break
    return marked


def classify(signals: Sequence[Signal], direction: Direction) -> Variation:
    if not signals:
        return Variation.COMMON
    good = Side.HIGH if direction is Direction.UP else Side.LOW
    if all(s.side is good for s in signals):
        return Variation.IMPROVEMENT
    return Variation.CONCERN


def assurance(lim: Limits, target: float, direction: Direction) -> Assurance:
    # The same tolerance as the signal rules: a target a rounding error beyond a limit is on it.
    (side,) = _outside([target], lim.upper, lim.lower)
    if side is None:
        return Assurance.INCONSISTENT
    target_above = side is Side.HIGH
    # Wanting more and the target sits above the process: it will keep failing.
    failing = target_above if direction is Direction.UP else not target_above
    return Assurance.FAILING if failing else Assurance.PASSING


def target_met(value: float, target: float, direction: Direction) -> bool:
    return value >= target if direction is Direction.UP else value <= target


def progress(baseline: float, latest: float, target: float) -> float | None:
    """How far from baseline to target the latest value has moved, in per cent.

    Negative when it has moved away from the target; over 100 when it has gone beyond it.
    None when the target equals the baseline, because there is no distance to cover.
    """
    if target == baseline:
        return None
    return (latest - baseline) / (target - baseline) * 100


def _segment_bounds(periods: Sequence[dt.date], steps: Sequence[dt.date]) -> list[tuple[int, int]]:
    """Index ranges of the segments; a step on or before the first point changes nothing."""
    starts = sorted({bisect.bisect_left(periods, step) for step in steps} - {0, len(periods)})
    edges = [0, *starts, len(periods)]
    return [(a, b) for a, b in itertools.pairwise(edges) if b > a]


def _baseline_indexes(periods: Sequence[dt.date], start: int, stop: int, b: Baseline) -> list[int]:
    indexes = list(range(start, stop))
    if b.first is not None:
        return indexes[: b.first]
    if b.start is not None or b.end is not None:
        return [
            i
            for i in indexes
            if (b.start is None or periods[i] >= b.start) and (b.end is None or periods[i] <= b.end)
        ]
    return indexes


def analyse(
    series: Sequence[tuple[dt.date, float]],
    *,
    direction: Direction,
    target: float | None = None,
    baseline: Baseline | None = None,
    run_length: int = RUN_LENGTH,
    trend_length: int = TREND_LENGTH,
) -> Analysis:
    """Limits, signals and classification for a series of (period, value), in any order."""
    chosen = baseline or Baseline()
    ordered = sorted(series, key=operator.itemgetter(0))
    periods = [p for p, _ in ordered]
    values = [float(v) for _, v in ordered]
    points: list[Point] = []
    segments: list[Segment] = []
    new_point = tuple.__new__
    common, concern, improvement = Variation.COMMON, Variation.CONCERN, Variation.IMPROVEMENT
    for number, (start, stop) in enumerate(_segment_bounds(periods, chosen.steps)):
        picked = _baseline_indexes(periods, start, stop, chosen)
        as_chosen = len(picked) >= 2
        if not as_chosen:
            picked = list(range(start, stop))
        segment_values = values[start:stop]
        lim = limits([values[i] for i in picked])
        segments.append(Segment(start, stop, lim, len(picked), as_chosen))
        good = Side.HIGH if direction is Direction.UP else Side.LOW
        found: dict[int, list[Signal]] = {}
        concerns: set[int] = set()
        # In the order of the Rule enumeration, so each point's signals come out in that order.
        checks: list[tuple[Rule, list[Side | None]]] = []
        if lim is not None:
            checks += [
                (Rule.BEYOND_LIMITS, beyond_limits(segment_values, lim)),
                (Rule.RUN, runs(segment_values, lim.mean, run_length)),
            ]
        checks.append((Rule.TREND, trends(segment_values, trend_length)))
        if lim is not None:
            checks.append((Rule.TWO_OF_THREE, two_of_three(segment_values, lim)))
        for rule, sides in checks:
            for i, side in enumerate(sides):
                if side is not None:
                    found.setdefault(i, []).append(SIGNALS[rule, side])
                    if side is not good:
                        concerns.add(i)
        in_baseline = set(picked)
        previous: float | None = None
        for offset, value in enumerate(segment_values):
            index = start + offset
            flagged = found.get(offset)
            # The same reading as classify(), inlined: this loop runs for every point.
            if flagged is None:
                signals: tuple[Signal, ...] = ()
                variation = common
            else:
                signals = tuple(flagged)
                variation = concern if offset in concerns else improvement
            # tuple.__new__ with the fields in order: what Point(...) does, without the
            # keyword handling and length check, for thousands of points per dashboard.
            points.append(
                new_point(
                    Point,
                    (
                        periods[index],
                        value,
                        number,
                        None if previous is None else abs(value - previous),
                        index in in_baseline,
                        signals,
                        variation,
                    ),
                )
            )
            previous = value
    return Analysis(tuple(points), tuple(segments), direction, target)


@dataclass(frozen=True)
class Shift:
    """A sustained shift in the current segment: where the new process starts, and why."""

    start: int  # index of the first point of the new segment
    period: dt.date
    side: Side
    length: int  # points in the run on one side of the mean, up to and including the latest


def sustained_shift(analysis: Analysis, length: int = RUN_LENGTH) -> Shift | None:
    """A run of `length` or more points on one side of the latest segment's mean that reaches
    the latest point. A run that started with the segment itself is not a shift (it cannot
    happen with limits from all of the segment's points, but can with a chosen baseline).

    The new process starts where the change began: at the run's first point, or earlier while
    the point before lies beyond the limits of the points before it, on the run's side (the
    first steps of a climb belong to the new process, and would otherwise pull the old mean).
    The old process keeps at least two points.
    """
    if not analysis.segments:
        return None
    segment = analysis.segments[-1]
    lim = segment.limits
    if lim is None:
        return None
    values = [p.value for p in analysis.points[segment.start : segment.stop]]
    sides = _sides(values, lim.mean)
    last = sides[-1]
    if last is None:
        return None
    run = 0
    for side in reversed(sides):
        if side is not last:
            break
        run += 1
    if run < length or run == len(values):
        return None
    first = len(values) - run  # within the segment
    while first > 2:
        earlier = limits(values[: first - 1])
        if earlier is None or beyond_limits([values[first - 1]], earlier)[0] is not last:
            break
        first -= 1
    start = segment.start + first
    return Shift(start, analysis.points[start].period, last, run)


def recalculate(
    series: Sequence[tuple[dt.date, float]],
    *,
    direction: Direction,
    target: float | None = None,
    baseline: Baseline | None = None,
    length: int = RUN_LENGTH,
) -> tuple[Analysis, tuple[Shift, ...]]:
    """The analysis with new limits from every sustained shift, and the shifts found.

    Each shift starts a segment later than the last one started, so this ends after at most
    one recalculation per `length` points.
    """
    chosen = baseline or Baseline()
    found: list[Shift] = []
    analysis = analyse(series, direction=direction, target=target, baseline=chosen)
    while (shift := sustained_shift(analysis, length)) is not None:
        found.append(shift)
        chosen = dataclasses.replace(chosen, steps=(*chosen.steps, shift.period))
        analysis = analyse(series, direction=direction, target=target, baseline=chosen)
    return analysis, tuple(found)


def trajectory(
    *, start: dt.date, start_value: float, end: dt.date, end_value: float, on: dt.date
) -> float:
    """Where the straight line from (start, start_value) to (end, end_value) stands on a day:
    the start value before the start, the end value after the end."""
    if on >= end:
        return end_value
    if on <= start:
        return start_value
    share = (on - start).days / (end - start).days
    return start_value + (end_value - start_value) * share
