"""One KPI as the dashboard and the KPI page show it: chart, icons, progress and data table."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from triplewin.core import spc
from triplewin.kpis import formatting
from triplewin.kpis.models import Kpi, LimitsRecalculation
from triplewin.kpis.presenters.chart import SpcChart, spc_chart
from triplewin.kpis.presenters.reading import Icon, assurance_icon, signal_text, variation_icon
from triplewin.kpis.selectors import Track, track
from triplewin.kpis.series import PeriodValue
from triplewin.kpis.services.limits import shift_reason


@dataclass(frozen=True)
class Progress:
    start: str
    start_label: str
    latest: str
    target: str
    percent: float | None
    sentence: str

    @property
    def bar(self) -> float:
        """The share of the bar to fill, from 0 to 100."""
        return 0.0 if self.percent is None else max(0.0, min(100.0, self.percent))


@dataclass(frozen=True)
class KpiView:
    kpi: Kpi
    name: str
    chart: SpcChart
    variation: Icon | None
    assurance: Icon | None
    progress: Progress | None
    track: Track
    rows: int
    table_body: Markup
    rolled_up: bool
    caution: str
    # With one set of limits they are stated once, above the table, not on every row.
    per_row_limits: bool
    limits_note: str
    # Each recorded recalculation of the limits: the period it starts at, and why.
    recalculations: tuple[tuple[str, str], ...] = ()
    # A sustained shift the limits have not been recalculated for yet: its first period.
    proposal: dt.date | None = None
    proposal_text: str = ""


def progress(kpi: Kpi, series: Sequence[PeriodValue]) -> Progress | None:
    """Baseline to latest to target; the first value stands in when no baseline was recorded."""
    if not series:
        return None
    latest = series[-1]
    if kpi.baseline_value is not None:
        start, start_label = float(kpi.baseline_value), "Baseline"
        when = formatting.day(kpi.baseline_date)
    else:
        start, start_label = series[0].value, "First value"
        when = formatting.period(series[0].period, kpi.frequency)
    target = float(kpi.target_value)
    percent = spc.progress(start, latest.value, target)
    if percent is None:
        sentence = "The target is the same as the starting value."
    elif percent < 0:
        sentence = f"Moved {formatting.number(-percent)}% of the distance away from the target."
    else:
        sentence = f"{formatting.number(percent)}% of the way from {start_label.lower()} to target."
    return Progress(
        start=f"{formatting.with_unit(start, kpi.unit)} ({when})",
        start_label=start_label,
        latest=f"{formatting.with_unit(latest.value, kpi.unit)} "
        f"({formatting.period(latest.period, kpi.frequency)})",
        target=f"{formatting.with_unit(target, kpi.unit)} by {formatting.day(kpi.target_date)}",
        percent=percent,
        sentence=sentence,
    )


@functools.lru_cache(maxsize=8192)
def _period_cell(period: dt.date, frequency: str, baseline: bool) -> str:
    label = formatting.period(period, frequency)
    return escape(f"{label} (baseline)" if baseline else label)


@functools.lru_cache(maxsize=512)
def _signal_cell(signals: tuple[spc.Signal, ...], direction: spc.Direction) -> str:
    # Few combinations of rules occur, and each is worded and escaped once.
    return escape(signal_text(signals, direction)) if signals else ""


def table_body(kpi: Kpi, series: Sequence[PeriodValue], analysis: spc.Analysis) -> Markup:
    """The data table's body rows, as escaped markup.

    Built here rather than in the template because a dashboard holds thousands of rows: a
    Jinja loop over them was the slowest part of the page (see ADR 0007). Every cell is
    escaped with html.escape, as autoescaping would.
    """
    sites = any(pv.sites for pv in series)
    limits: list[str] = []
    if len(analysis.segments) > 1:
        # With one set of limits they are stated once, above the table, not on every row.
        for segment in analysis.segments:
            lim = segment.limits
            cells = (lim.mean, lim.lower, lim.upper) if lim else (None, None, None)
            limits.append("".join(f"<td>{formatting.number(c)}</td>" for c in cells))
    marks_baseline = not all(p.in_baseline for p in analysis.points)
    rows = []
    for point, pv in zip(analysis.points, series, strict=True):
        label = _period_cell(point.period, kpi.frequency, marks_baseline and point.in_baseline)
        row = f'<tr><th scope="row">{label}</th><td>{formatting.number(point.value)}</td>'
        if sites:
            row += f"<td>{pv.sites} sites</td>" if pv.sites else "<td></td>"
        if limits:
            row += limits[point.segment]
        rows.append(f"{row}<td>{_signal_cell(point.signals, analysis.direction)}</td></tr>")
    # Numbers are formatted here and every text cell is escaped, so the markup is safe.
    return Markup("".join(rows))  # noqa: S704


def limits_note(analysis: spc.Analysis, unit: str) -> str:
    lim = analysis.limits
    if len(analysis.segments) != 1 or lim is None:
        return ""
    return (
        f"For every period: mean {formatting.with_unit(lim.mean, unit)}, lower process limit "
        f"{formatting.with_unit(lim.lower, unit)}, upper process limit "
        f"{formatting.with_unit(lim.upper, unit)}."
    )


def kpi_view(
    kpi: Kpi,
    series: Sequence[PeriodValue],
    analysis: spc.Analysis,
    today: dt.date,
    *,
    chart_id: str,
    name: str | None = None,
    recalculations: Sequence[LimitsRecalculation] = (),
) -> KpiView:
    cautions = []
    if 0 < len(series) < spc.RELIABLE_POINTS:
        cautions.append(
            f"Only {len(series)} value{'s' if len(series) != 1 else ''} so far: treat the limits "
            f"as provisional until there are at least {spc.RELIABLE_POINTS}."
        )
    shift = spc.sustained_shift(analysis)
    proposal_text = ""
    if shift is not None:
        # Only charts the rule is not applied to automatically (a site's, or one with a
        # chosen baseline) or values recorded before it existed get here.
        proposal_text = (
            f"The process seems to have changed: {shift_reason(shift)} Limits "
            f"worked out again from {formatting.period(shift.period, kpi.frequency)} would "
            "describe how things run now; until then, the judgement on whether the target will "
            "be met mixes the old figures with the new."
        )
    elif analysis.assurance is not None and analysis.variation is not spc.Variation.COMMON:
        # Assurance describes a stable process; a special cause says it may be moving.
        cautions.append(
            "The latest value is unusual enough to suggest something has changed, so the "
            "judgement on whether the target will be met still describes things as they were. "
            f"If {spc.RUN_LENGTH} values in a row settle on one side of the average, the limits "
            "are worked out again from where the change began."
        )
    caution = " ".join(cautions)
    return KpiView(
        kpi=kpi,
        name=name or kpi.name,
        chart=spc_chart(
            id=chart_id,
            name=name or kpi.name,
            unit=kpi.unit,
            frequency=kpi.frequency_enum,
            analysis=analysis,
        ),
        variation=variation_icon(analysis),
        assurance=assurance_icon(analysis, kpi.unit, kpi.frequency),
        progress=progress(kpi, series),
        track=track(kpi, analysis, today),
        rows=len(series),
        table_body=table_body(kpi, series, analysis),
        rolled_up=any(pv.sites for pv in series),
        caution=caution,
        per_row_limits=len(analysis.segments) > 1,
        limits_note=limits_note(analysis, kpi.unit),
        recalculations=tuple(
            (
                formatting.period(r.starts_on, kpi.frequency),
                f"{r.reason} The limits were worked out again from there "
                f"{'automatically' if r.automatic else 'by hand'} on "
                f"{formatting.day(r.recorded_at.date())}.",
            )
            for r in recalculations
        ),
        proposal=shift.period if shift else None,
        proposal_text=proposal_text,
    )
