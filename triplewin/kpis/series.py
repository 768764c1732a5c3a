"""A KPI's measurements turned into series: the project's figure per period, and each site's.

For each period the project's figure is the value entered for the whole project when there
is one; otherwise it is made from the sites' values for that period, added together or
averaged as the KPI says. Averages are of the sites' figures, unweighted.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from triplewin.core.dates import add_months
from triplewin.core.kpi_files import Frequency
from triplewin.kpis.models import Rollup

# (site id or None for the whole project, period start, value)
Reading = tuple[int | None, dt.date, float]


class PeriodValue(NamedTuple):
    period: dt.date
    value: float
    # How many sites the figure was made from; 0 when it was entered for the whole project.
    sites: int = 0


def project_series(readings: Iterable[Reading], rollup: str) -> list[PeriodValue]:
    whole: dict[dt.date, float] = {}
    by_site: dict[dt.date, list[float]] = defaultdict(list)
    for site_id, period, value in readings:
        if site_id is None:
            whole[period] = value
        else:
            by_site[period].append(value)
    series = [PeriodValue(p, v) for p, v in whole.items()]
    for period, values in by_site.items():
        if period in whole:
            continue
        total = sum(values)
        figure = total if rollup == Rollup.SUM else total / len(values)
        series.append(PeriodValue(period, figure, len(values)))
    series.sort(key=lambda pv: pv.period)
    return series


def site_series(readings: Iterable[Reading], site_id: int) -> list[PeriodValue]:
    return sorted(
        (PeriodValue(period, value) for s, period, value in readings if s == site_id),
        key=lambda pv: pv.period,
    )


def latest_by_site(readings: Iterable[Reading]) -> dict[int | None, dict[dt.date, float]]:
    """Every value, by site and then period: what the composite criteria are judged on."""
    found: dict[int | None, dict[dt.date, float]] = defaultdict(dict)
    for site_id, period, value in readings:
        found[site_id][period] = value
    return found


def period_end(start: dt.date, frequency: str) -> dt.date:
    """The last day of the period that starts on `start`."""
    if frequency == Frequency.WEEKLY:
        return start + dt.timedelta(days=6)
    months = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.ANNUAL: 12}[
        Frequency(frequency)
    ]
    return add_months(start, months) - dt.timedelta(days=1)
