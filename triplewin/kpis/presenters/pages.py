"""The dashboard, the KPI page and the criteria page, each read in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from triplewin.core import spc
from triplewin.kpis import access, formatting, selectors
from triplewin.kpis.models import Category, Kpi, Measurement, Site
from triplewin.kpis.presenters.kpi import KpiView, kpi_view
from triplewin.kpis.presenters.reading import LEGEND, TRACK_MEANING
from triplewin.kpis.selectors import CriterionResult, Outcome
from triplewin.kpis.series import PeriodValue, project_series, site_series
from triplewin.partnerships.models import Project

OUTCOME_TAGS = {
    Outcome.MET: ("Met", "green"),
    Outcome.NOT_MET: ("Not met", "red"),
    Outcome.INSUFFICIENT: ("Insufficient data", "grey"),
}


class DashboardPresenter:
    def __init__(self, project: Project, user: Any, *, category: str, today: dt.date) -> None:
        self.project = project
        self.category = category
        self.sees_all = access.sees_all_kpis(user, project)
        kpis = access.visible_kpis(user, project)
        self.total = kpis.count()
        if category:
            kpis = kpis.filter(category=category)
        chosen = list(kpis.select_related("owner"))
        readings = selectors.readings_for(chosen)
        recalculations = selectors.recalculations_for(chosen)
        self.views: list[KpiView] = []
        for kpi in chosen:
            # One analysis per KPI, reused by its chart, icons, progress and table.
            series = project_series(readings.get(kpi.pk, []), kpi.rollup)
            made = recalculations.get(kpi.pk, [])
            analysis = selectors.analyse(kpi, series, recalculations=made)
            self.views.append(
                kpi_view(
                    kpi, series, analysis, today, chart_id=f"kpi-{kpi.pk}", recalculations=made
                )
            )

    @property
    def category_label(self) -> str:
        return Category(self.category).label if self.category else ""

    legend = LEGEND
    track_meaning = TRACK_MEANING

    @property
    def off_track(self) -> int:
        return sum(1 for v in self.views if v.track.off)


@dataclass(frozen=True)
class ChartChoice:
    site: Site | None
    baseline: spc.Baseline


class KpiPagePresenter:
    def __init__(self, kpi: Kpi, choice: ChartChoice, *, today: dt.date) -> None:
        self.kpi = kpi
        self.site = choice.site
        readings = selectors.readings_for([kpi]).get(kpi.pk, [])
        series: list[PeriodValue] = (
            site_series(readings, choice.site.pk)
            if choice.site is not None
            else project_series(readings, kpi.rollup)
        )
        # Recorded recalculations belong to the whole project's chart, not to a site's.
        made = selectors.recalculations_for([kpi]).get(kpi.pk, []) if choice.site is None else []
        self.analysis = selectors.analyse(kpi, series, choice.baseline, made)
        name = f"{kpi.name} at {choice.site.name}" if choice.site else kpi.name
        self.view = kpi_view(
            kpi,
            series,
            self.analysis,
            today,
            chart_id="kpi-chart",
            name=name,
            recalculations=made,
        )
        self.baseline_fell_back = any(not s.baseline_as_chosen for s in self.analysis.segments)
        noted = (
            Measurement.objects.filter(kpi=kpi)
            .exclude(note="")
            .select_related("site")
            .order_by("-period", "site__name")[:50]
        )
        self.notes = [
            (
                formatting.period(m.period, kpi.frequency) + (f", {m.site.name}" if m.site else ""),
                m.note,
            )
            for m in noted
        ]


@dataclass(frozen=True)
class CriterionTable:
    result: CriterionResult
    headings: tuple[str, ...]
    rows: tuple[tuple[str, str, tuple[str, ...], str, str], ...]


def criterion_table(result: CriterionResult, frequency_of: dict[int, str]) -> CriterionTable:
    headings = tuple(str(c) for c in result.conditions)
    rows = []
    for site in result.rows:
        text, colour = OUTCOME_TAGS[site.outcome]
        frequency = frequency_of.get(result.conditions[0].kpi_id, "") if result.conditions else ""
        period = formatting.period(site.period, frequency) if site.period and frequency else ""
        cells = tuple(
            "No value"
            if c.value is None
            else f"{formatting.number(c.value)} ({'meets' if c.met else 'misses'})"
            for c in site.conditions
        )
        rows.append((site.name, period, cells, text, colour))
    return CriterionTable(result, headings, tuple(rows))


class CriteriaPresenter:
    def __init__(self, project: Project, user: Any) -> None:
        self.sites = list(Site.objects.filter(project=project))
        criteria = list(access.visible_criteria(user, project))
        results = selectors.criteria_results(criteria, self.sites)
        frequency_of = {c.kpi_id: c.kpi.frequency for r in results for c in r.conditions}
        self.tables = [criterion_table(r, frequency_of) for r in results]
