"""The principles trend drawn on the server as SVG geometry; templates turn it into markup.

Dates sit on a time axis, so uneven gaps between assessments look uneven. Each line has its
own colour, dash pattern and marker shape, so the chart does not rely on colour alone, and
the same numbers are always in the table beside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from triplewin.core.principles import DOMAIN_LABELS, HIGHEST, LOWEST, Domain, TrendPoint

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 44, 24, 16, 40
MAX_X_LABELS = 6
# Room for one date label such as "30 Sep 2026" at 13px.
MIN_LABEL_GAP = 92
SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD = 120, 28, 4


@dataclass(frozen=True)
class Style:
    label: str
    colour: str
    dash: str
    marker: str  # "circle", "square" or "diamond"


# Contrast of at least 3:1 against white for each line, as graphical objects need.
OVERALL = Style("All nine principles", "#005eb8", "", "circle")
DOMAIN_STYLES: dict[Domain, Style] = {
    Domain.PURPOSE: Style(DOMAIN_LABELS[Domain.PURPOSE], "#007f3b", "8 4", "square"),
    Domain.PEOPLE: Style(DOMAIN_LABELS[Domain.PEOPLE], "#330072", "3 3", "diamond"),
    Domain.PROCESS: Style(DOMAIN_LABELS[Domain.PROCESS], "#ae2573", "12 3 3 3", "circle"),
}


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    value: float


@dataclass(frozen=True)
class Series:
    style: Style
    points: tuple[Point, ...]

    @property
    def path(self) -> str:
        return " ".join(
            f"{'M' if i == 0 else 'L'}{p.x:.1f},{p.y:.1f}" for i, p in enumerate(self.points)
        )


@dataclass(frozen=True)
class Tick:
    position: float
    text: str


@dataclass(frozen=True)
class LineChart:
    id: str
    title: str
    description: str
    series: tuple[Series, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    bottom_edge: int = HEIGHT - BOTTOM

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def _y(value: float) -> float:
    span = HEIGHT - TOP - BOTTOM
    return TOP + (HIGHEST - value) * span / (HIGHEST - LOWEST)


def _x_positions(dates: Sequence[dt.date]) -> list[float]:
    left, right = LEFT + 12, WIDTH - RIGHT - 12
    if len(dates) == 1:
        return [(left + right) / 2]
    first, last = dates[0], dates[-1]
    days = (last - first).days or 1
    return [left + (d - first).days * (right - left) / days for d in dates]


def _label_indexes(xs: Sequence[float]) -> list[int]:
    """Which dates get a label: evenly chosen, never so close that two labels overlap.

    The first and the latest dates are always labelled.
    """
    count = len(xs)
    if count <= MAX_X_LABELS:
        candidates = list(range(count))
    else:
        step = (count - 1) / (MAX_X_LABELS - 1)
        candidates = sorted({round(i * step) for i in range(MAX_X_LABELS)})
    kept: list[int] = []
    for index in candidates:
        if kept and xs[index] - xs[kept[-1]] < MIN_LABEL_GAP:
            if index != count - 1:
                continue
            if len(kept) > 1:
                kept.pop()
            else:
                continue
        kept.append(index)
    return kept


def _day(d: dt.date) -> str:
    return f"{d.day} {d:%b %Y}"


def _mean(value: float | None) -> str:
    return "no score" if value is None else f"{value:.1f}"


def trend_chart(points: Sequence[TrendPoint], *, id: str = "principles-trend") -> LineChart:
    xs = _x_positions([p.on for p in points])
    series = [
        Series(
            OVERALL,
            tuple(
                Point(x, _y(p.overall), p.overall)
                for x, p in zip(xs, points, strict=True)
                if p.overall is not None
            ),
        )
    ]
    for domain, style in DOMAIN_STYLES.items():
        series.append(
            Series(
                style,
                tuple(
                    Point(x, _y(p.domains[domain]), p.domains[domain])
                    for x, p in zip(xs, points, strict=True)
                    if domain in p.domains
                ),
            )
        )
    first, last = points[0], points[-1]
    if len(points) == 1:
        what = (
            f"One assessment, on {_day(first.on)}, with an overall mean of {_mean(first.overall)}."
        )
    else:
        what = (
            f"{len(points)} assessment dates from {_day(first.on)} to {_day(last.on)}. "
            f"The overall mean went from {_mean(first.overall)} to {_mean(last.overall)}."
        )
    return LineChart(
        id=id,
        title="Self-assessment against the nine principles over time",
        description=(
            f"Line chart of the mean score (1 to 5) overall and for purpose, people and "
            f"process. {what} The table below gives every value."
        ),
        series=tuple(s for s in series if s.points),
        x_ticks=tuple(Tick(xs[i], _day(points[i].on)) for i in _label_indexes(xs)),
        y_ticks=tuple(Tick(_y(v), str(v)) for v in range(LOWEST, HIGHEST + 1)),
    )


@dataclass(frozen=True)
class Sparkline:
    path: str
    last_x: float
    last_y: float
    width: int = SPARK_WIDTH
    height: int = SPARK_HEIGHT


def sparkline(values: Sequence[float | None]) -> Sparkline | None:
    """A tiny line of one principle's means, evenly spaced; None with fewer than two values."""
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    if len(known) < 2:
        return None
    span_x = SPARK_WIDTH - 2 * SPARK_PAD
    span_y = SPARK_HEIGHT - 2 * SPARK_PAD
    last_index = max(len(values) - 1, 1)
    coords = [
        (
            SPARK_PAD + i * span_x / last_index,
            SPARK_PAD + (HIGHEST - v) * span_y / (HIGHEST - LOWEST),
        )
        for i, v in known
    ]
    path = " ".join(f"{'M' if n == 0 else 'L'}{x:.1f},{y:.1f}" for n, (x, y) in enumerate(coords))
    return Sparkline(path, coords[-1][0], coords[-1][1])
