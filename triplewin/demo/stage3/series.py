"""Repeatable measurement series for the demo KPIs, written as the CSV a partner would upload.

Nothing here touches the database: `rows` turns a `Series` into (period, site, value) rows and
`as_csv` into the file the measurements upload service reads.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from collections.abc import Iterable

from triplewin.core.dates import add_months
from triplewin.core.kpi_files import Frequency, period_start
from triplewin.demo.data.stage3_types import Series

Row = tuple[dt.date, str, float]


def periods(series: Series, frequency: Frequency, today: dt.date) -> list[dt.date]:
    """Every complete period from the first to the last: the current one is not over yet."""
    end = min(series.last or today, today)
    current = period_start(end, frequency)
    found: list[dt.date] = []
    day = period_start(series.first, frequency)
    step = 0
    while day < current:
        found.append(day)
        step += 1
        if frequency is Frequency.WEEKLY:
            day = period_start(series.first, frequency) + dt.timedelta(weeks=step)
        else:
            months = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.ANNUAL: 12}
            day = add_months(period_start(series.first, frequency), step * months[frequency])
    return found


def _level(series: Series, index: int, changed_at: int | None) -> float:
    if changed_at is None or index < changed_at:
        return series.before
    if series.ramp and index - changed_at < series.ramp:
        share = (index - changed_at + 1) / (series.ramp + 1)
        return series.before + (series.after - series.before) * share
    return series.after


def rows(series: Series, frequency: str, today: dt.date, seed: str) -> list[Row]:
    """The generated values; the seed keeps them the same on every load."""
    wobble = random.Random(seed)
    found = periods(series, Frequency(frequency), today)
    changed_at = next((i for i, p in enumerate(found) if p >= series.change_on), None)
    sites = dict(series.shares) or {"": 1.0}
    out: list[Row] = []
    for index, period in enumerate(found):
        level = _level(series, index, changed_at)
        for site, share in sites.items():
            value = level * share + wobble.uniform(-series.noise, series.noise) * share
            out.append((period, site, round(max(value, 0.0), series.places)))
    return out


def as_csv(found: Iterable[Row]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["period", "site", "value", "note"])
    for period, site, value in found:
        writer.writerow([period.isoformat(), site, f"{value}", ""])
    return buffer.getvalue().encode()
