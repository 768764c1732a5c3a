"""The arithmetic behind the learning views: durations, medians, shares and bar lengths."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

DAYS_PER_MONTH = 365.25 / 12


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from the first day to the last, both included (1 Nov to 30 Sep = 35)."""
    if end < start:
        raise ValueError("The end comes before the start.")
    return max(1, round(((end - start).days + 1) / DAYS_PER_MONTH))


def median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def percent(part: int, whole: int) -> int | None:
    """Whole-number percentage, rounded half up; None when there is nothing to divide by."""
    if whole <= 0:
        return None
    return int(part * 100 / whole + 0.5)


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    length: int


def bars(rows: Sequence[tuple[str, int]], *, longest: int) -> list[Bar]:
    """Bar lengths in proportion to the largest count; any non-zero count stays visible."""
    top = max((count for _, count in rows), default=0)
    result = []
    for name, count in rows:
        length = round(count * longest / top) if top else 0
        result.append(Bar(name, count, max(length, 2) if count else 0))
    return result
