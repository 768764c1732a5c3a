"""An XmR chart as SVG geometry; the template turns it into markup.

Common-cause points are drawn by one polyline with a circle marker at each vertex, so a chart
of hundreds of points stays a handful of elements. Special-cause points are drawn on top as
squares (improvement, blue) or triangles (concern, orange with a dark outline): the shape,
not only the colour, carries the meaning, and the data table says it in words.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from triplewin.core import spc
from triplewin.core.kpi_files import Frequency, period_label
from triplewin.core.spc import Variation
from triplewin.kpis import formatting
from triplewin.kpis.presenters.reading import ASSURANCE_TEXT, VARIATION_TEXT

WIDTH, HEIGHT = 760, 330
LEFT, RIGHT, TOP, BOTTOM = 76, 40, 20, 70
PLOT_BOTTOM = HEIGHT - BOTTOM
MAX_X_LABELS = 6


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Line:
    x1: float
    x2: float
    y1: float
    y2: float


@dataclass(frozen=True)
class Band:
    """One segment's mean and limits, and where it starts."""

    mean: Line
    upper: Line
    lower: Line
    step_x: float | None


# Path data drawn relative to each point (x, y), so no arithmetic is needed per point.
SQUARE = "m-5 -5h10v10h-10z"  # an improvement
TRIANGLE = "m0 -7l6.5 12h-13z"  # a concern


@dataclass(frozen=True)
class SpcChart:
    id: str
    title: str
    description: str
    polyline: str
    bands: tuple[Band, ...]
    # Every special-cause point of one kind is one path, however many there are.
    improvements: str
    concerns: str
    target: Line | None
    baseline_boxes: tuple[tuple[float, float], ...]  # x and width of each shaded baseline
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]
    y_title: str
    x_title: str
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = PLOT_BOTTOM
    small_text: int = 13

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @property
    def empty(self) -> bool:
        return not self.polyline


def nice_step(span: float, ticks: int = 5) -> float:
    raw = span / ticks
    magnitude = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _range(values: Sequence[float]) -> tuple[float, float, float]:
    low, high = min(values), max(values)
    if high - low < 1e-9:
        pad = abs(high) * 0.1 or 1.0
        low, high = low - pad, high + pad
    step = nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def _stretches(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """(first, last) index of each stretch of consecutive true flags."""
    found: list[tuple[int, int]] = []
    start: int | None = None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            found.append((start, i - 1))
            start = None
    return found


def short_period(start: dt.date, frequency: Frequency) -> str:
    if frequency is Frequency.WEEKLY:
        return f"{start.day} {start:%b %y}"
    if frequency is Frequency.MONTHLY:
        return f"{start:%b %Y}"
    return period_label(start, frequency)


def describe(name: str, unit: str, frequency: Frequency, analysis: spc.Analysis) -> str:
    points = analysis.points
    if not points:
        return f"No measurements of {name} have been recorded yet."
    first, last = points[0], points[-1]
    parts = [
        f"{len(points)} {frequency.value} value{'s' if len(points) != 1 else ''} from "
        f"{period_label(first.period, frequency)} to {period_label(last.period, frequency)}."
    ]
    limits = analysis.limits
    if limits is not None:
        parts.append(
            f"Mean {formatting.with_unit(limits.mean, unit)}; process limits "
            f"{formatting.with_unit(limits.lower, unit)} to {formatting.with_unit(limits.upper, unit)}."
        )
    variation = analysis.variation
    if variation is not None:
        parts.append(
            f"Latest value {formatting.with_unit(last.value, unit)} in "
            f"{period_label(last.period, frequency)}: {VARIATION_TEXT[variation].lower()}."
        )
    if len(analysis.segments) > 1:
        starts = [period_label(points[s.start].period, frequency) for s in analysis.segments[1:]]
        parts.append(
            f"The process changed, so its limits are worked out again from {', '.join(starts)}; "
            "the mean and limits above are those of the latest process."
        )
    flagged = sum(1 for p in points if p.signals)
    if flagged:
        parts.append(
            f"{flagged} point{'s are' if flagged != 1 else ' is'} unusual enough to suggest a real "
            "change (special cause variation)."
        )
    if analysis.target is not None:
        assurance = analysis.assurance
        reading = f": {ASSURANCE_TEXT[assurance].lower()}" if assurance else ""
        parts.append(f"Target {formatting.with_unit(analysis.target, unit)}{reading}.")
    return " ".join(parts)


def spc_chart(
    *,
    id: str,
    name: str,
    unit: str,
    frequency: Frequency,
    analysis: spc.Analysis,
) -> SpcChart:
    points = analysis.points
    title = f"{name}: statistical process control chart"
    description = describe(name, unit, frequency, analysis)
    x_title = f"Period ({frequency.value})"
    y_title = {"%": "Per cent", "£": "Pounds (£)", "": "Value"}.get(unit, unit)
    if not points:
        return SpcChart(id, title, description, "", (), "", "", None, (), (), (), y_title, x_title)
    values = [p.value for p in points]
    for segment in analysis.segments:
        if segment.limits is not None:
            values += [segment.limits.upper, segment.limits.lower]
    if analysis.target is not None:
        values.append(analysis.target)
    low, high, step = _range(values)
    plot_height = PLOT_BOTTOM - TOP
    plot_width = WIDTH - RIGHT - LEFT

    def y(value: float) -> float:
        return round(PLOT_BOTTOM - (value - low) / (high - low) * plot_height, 1)

    count = len(points)
    gap = plot_width / (count - 1) if count > 1 else 0.0
    xs = (
        [round(LEFT + i * gap, 1) for i in range(count)]
        if count > 1
        else [round(LEFT + plot_width / 2, 1)]
    )
    # Inlined y() for every point: this runs for thousands of points on a dashboard.
    scale = plot_height / (high - low)
    ys = [round(PLOT_BOTTOM - (p.value - low) * scale, 1) for p in points]
    polyline = " ".join([f"{a},{b}" for a, b in zip(xs, ys, strict=True)])
    bands = []
    for segment in analysis.segments:
        lim = segment.limits
        if lim is None:
            continue
        x1, x2 = xs[segment.start], xs[segment.stop - 1]
        if x1 == x2:
            x1, x2 = x1 - 6, x2 + 6
        bands.append(
            Band(
                mean=Line(x1, x2, y(lim.mean), y(lim.mean)),
                upper=Line(x1, x2, y(lim.upper), y(lim.upper)),
                lower=Line(x1, x2, y(lim.lower), y(lim.lower)),
                step_x=round(xs[segment.start] - gap / 2, 1) if segment.start else None,
            )
        )
    # One pass, with the enum members in local names: a lookup on the class per point costs
    # more than the comparison.
    improvement, concern = Variation.IMPROVEMENT, Variation.CONCERN
    squares: list[str] = []
    triangles: list[str] = []
    for i, p in enumerate(points):
        if p.variation is improvement:
            squares.append(f"M{xs[i]} {ys[i]}{SQUARE}")
        elif p.variation is concern:
            triangles.append(f"M{xs[i]} {ys[i]}{TRIANGLE}")
    improvements, concerns = "".join(squares), "".join(triangles)
    target = (
        Line(LEFT, WIDTH - RIGHT, y(analysis.target), y(analysis.target))
        if analysis.target is not None
        else None
    )
    boxes: list[tuple[float, float]] = []
    if not all(p.in_baseline for p in points):
        for first, last in _stretches([p.in_baseline for p in points]):
            start = max(LEFT, xs[first] - gap / 2)
            end = min(WIDTH - RIGHT, xs[last] + gap / 2)
            boxes.append((round(start, 1), round(max(end - start, 4), 1)))
    y_ticks = tuple(
        Tick(y(low + i * step), formatting.number(low + i * step))
        for i in range(round((high - low) / step) + 1)
    )
    every = max(1, math.ceil(count / MAX_X_LABELS))
    x_ticks = tuple(
        Tick(xs[i], short_period(points[i].period, frequency)) for i in range(0, count, every)
    )
    return SpcChart(
        id,
        title,
        description,
        polyline,
        tuple(bands),
        improvements,
        concerns,
        target,
        tuple(boxes),
        y_ticks,
        x_ticks,
        y_title,
        x_title,
    )
