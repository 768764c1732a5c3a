"""Reads about KPIs: their series and SPC analysis, composite criteria results, and the
summaries other parts of the product pull (the outcomes summary and the RAG status)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db.models import FloatField, Max
from django.db.models.functions import Cast

from triplewin.core import spc
from triplewin.kpis import access, formatting
from triplewin.kpis.models import (
    CompositeCriterion,
    CriterionCondition,
    Kpi,
    LimitsRecalculation,
    Measurement,
    Site,
    compare,
)
from triplewin.kpis.series import (
    PeriodValue,
    Reading,
    latest_by_site,
    period_end,
    project_series,
)
from triplewin.kpis.services import MEASURABLE_IN
from triplewin.partnerships.models import Project
from triplewin.partnerships.visibility import Visibility


def readings_for(kpis: Iterable[Kpi]) -> dict[int, list[Reading]]:
    """Every measurement of these KPIs in one query, as plain tuples (no model instances)."""
    found: dict[int, list[Reading]] = defaultdict(list)
    rows = (
        Measurement.objects.filter(kpi_id__in=[k.pk for k in kpis])
        .order_by()
        .values_list("kpi_id", "site_id", "period", Cast("value", FloatField()))
    )
    for kpi_id, site_id, period, value in rows:
        found[kpi_id].append((site_id, period, value))
    return found


def recalculations_for(kpis: Iterable[Kpi]) -> dict[int, list[LimitsRecalculation]]:
    """Every recorded recalculation of these KPIs' limits, in one query, oldest first."""
    found: dict[int, list[LimitsRecalculation]] = defaultdict(list)
    for made in LimitsRecalculation.objects.filter(kpi_id__in=[k.pk for k in kpis]).select_related(
        "recorded_by"
    ):
        found[made.kpi_id].append(made)
    return found


def analyse(
    kpi: Kpi,
    series: Sequence[PeriodValue],
    baseline: spc.Baseline | None = None,
    recalculations: Sequence[LimitsRecalculation] = (),
) -> spc.Analysis:
    """The SPC analysis, with new limits from each recorded recalculation as well as from any
    step the reader chose."""
    chosen = baseline or spc.Baseline()
    steps = (*chosen.steps, *(r.starts_on for r in recalculations))
    return spc.analyse(
        [(pv.period, pv.value) for pv in series],
        direction=kpi.direction_enum,
        target=float(kpi.target_value),
        baseline=dataclasses.replace(chosen, steps=steps),
    )


@dataclass(frozen=True)
class Track:
    off: bool
    reason: str


def expected(kpi: Kpi, analysis: spc.Analysis, on: dt.date) -> float | None:
    """Where the trajectory to the target stands on a day: a straight line from the baseline
    (or, without one, the first value) to the target on its date. None with no start."""
    if kpi.baseline_value is not None and kpi.baseline_date is not None:
        start, start_value = kpi.baseline_date, float(kpi.baseline_value)
    elif analysis.points:
        first = analysis.points[0]
        start, start_value = first.period, first.value
    else:
        return None
    return spc.trajectory(
        start=start,
        start_value=start_value,
        end=kpi.target_date,
        end_value=float(kpi.target_value),
        on=on,
    )


def track(kpi: Kpi, analysis: spc.Analysis, today: dt.date) -> Track:
    """On or off track against the trajectory to the target, at the end of the latest value's
    period; once the target date has passed, against the target itself (ADR 0027)."""
    latest = analysis.latest
    if latest is None:
        if today > kpi.target_date:
            return Track(True, "The target date has passed with no measurements.")
        return Track(False, "No measurements yet.")
    target = float(kpi.target_value)
    direction = kpi.direction_enum
    value = formatting.with_unit(latest.value, kpi.unit)
    if spc.target_met(latest.value, target, direction):
        return Track(False, f"The latest value, {value}, meets the target.")
    if today > kpi.target_date:
        return Track(True, f"The target date has passed and the latest value, {value}, misses it.")
    end = period_end(latest.period, kpi.frequency)
    due = expected(kpi, analysis, end)
    if due is None:  # pragma: no cover - a latest value means there is a first one
        return Track(False, f"The latest value, {value}, misses the target.")
    start = "baseline" if kpi.baseline_value is not None else "first value"
    path = (
        f"{formatting.with_unit(due, kpi.unit)} expected by "
        f"{formatting.day(min(end, kpi.target_date))} on a straight path from the {start} to "
        "the target"
    )
    if spc.target_met(latest.value, due, direction):
        return Track(False, f"The latest value, {value}, is level with or ahead of the {path}.")
    return Track(True, f"The latest value, {value}, is behind the {path}.")


def kpi_rag_inputs(seen: Visibility, today: dt.date) -> tuple[int, int]:
    """(KPIs off track against their trajectory, all KPIs) among those this viewer may see,
    for the project's RAG status: a hidden KPI must not move a figure a company reads."""
    kpis = list(seen.kpis())
    readings = readings_for(kpis)
    off = sum(
        track(k, analyse(k, project_series(readings.get(k.pk, []), k.rollup)), today).off
        for k in kpis
    )
    return off, len(kpis)


def kpi_summary_for_outcomes(project: Project) -> list[dict[str, str]]:
    """Each KPI's result against its target, as text, for the Summary of Project Outcomes.

    The summary is shared with every partner and published, so it holds only the KPIs every
    partner may see (anonymised, aggregated data).
    """
    chosen = list(Visibility.shared(project).kpis())
    readings = readings_for(chosen)
    summary = []
    for kpi in chosen:
        series = project_series(readings.get(kpi.pk, []), kpi.rollup)
        latest = series[-1] if series else None
        if latest is None:
            met = "No measurements yet"
        elif spc.target_met(latest.value, float(kpi.target_value), kpi.direction_enum):
            met = "Met"
        else:
            met = "Not met"
        baseline = (
            f"{formatting.with_unit(kpi.baseline_value, kpi.unit)} "
            f"({formatting.day(kpi.baseline_date)})"
            if kpi.baseline_value is not None
            else "Not recorded"
        )
        summary.append(
            {
                "name": kpi.name,
                "category": kpi.get_category_display(),
                "unit": kpi.unit,
                "baseline": baseline,
                "latest": (
                    f"{formatting.with_unit(latest.value, kpi.unit)} "
                    f"({formatting.period(latest.period, kpi.frequency)})"
                    if latest
                    else "None"
                ),
                "target": f"{formatting.with_unit(kpi.target_value, kpi.unit)} by "
                f"{formatting.day(kpi.target_date)}",
                "met": met,
            }
        )
    return summary


class Outcome(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    INSUFFICIENT = "insufficient"


@dataclass(frozen=True)
class ConditionResult:
    value: float | None
    met: bool | None


@dataclass(frozen=True)
class SiteResult:
    name: str
    period: dt.date | None
    conditions: tuple[ConditionResult, ...]

    @property
    def outcome(self) -> Outcome:
        if any(c.met is False for c in self.conditions):
            return Outcome.NOT_MET
        if not self.conditions or any(c.met is None for c in self.conditions):
            return Outcome.INSUFFICIENT
        return Outcome.MET


@dataclass(frozen=True)
class CriterionResult:
    criterion: CompositeCriterion
    conditions: tuple[CriterionCondition, ...]
    rows: tuple[SiteResult, ...]


def _judge(
    name: str,
    conditions: Sequence[CriterionCondition],
    values: Sequence[dict[dt.date, float]],
) -> SiteResult:
    """One site, in the latest period that any of the criterion's KPIs has a value for."""
    periods = [p for by_period in values for p in by_period]
    if not periods:
        return SiteResult(name, None, tuple(ConditionResult(None, None) for _ in conditions))
    latest = max(periods)
    results = []
    for condition, by_period in zip(conditions, values, strict=True):
        value = by_period.get(latest)
        met = (
            None
            if value is None
            else compare(value, condition.comparison, float(condition.threshold))
        )
        results.append(ConditionResult(value, met))
    return SiteResult(name, latest, tuple(results))


def criteria_results(
    criteria: Iterable[CompositeCriterion], sites: Sequence[Site]
) -> list[CriterionResult]:
    """Each criterion judged for the whole project and for every site."""
    chosen = list(criteria)
    conditions: dict[int, list[CriterionCondition]] = defaultdict(list)
    for condition in CriterionCondition.objects.filter(criterion__in=chosen).select_related("kpi"):
        conditions[condition.criterion_id].append(condition)
    needed = {c.kpi_id: c.kpi for cs in conditions.values() for c in cs}
    readings = readings_for(needed.values())
    by_site = {kpi_id: latest_by_site(rows) for kpi_id, rows in readings.items()}
    whole = {
        kpi_id: {pv.period: pv.value for pv in project_series(readings.get(kpi_id, []), kpi.rollup)}
        for kpi_id, kpi in needed.items()
    }
    results = []
    for criterion in chosen:
        own = conditions.get(criterion.pk, [])
        rows = [_judge("Whole project", own, [whole.get(c.kpi_id, {}) for c in own])]
        rows += [
            _judge(site.name, own, [by_site.get(c.kpi_id, {}).get(site.pk, {}) for c in own])
            for site in sites
        ]
        results.append(CriterionResult(criterion, tuple(own), tuple(rows)))
    return results


@dataclass(frozen=True)
class KeptKpi:
    kpi: Kpi
    latest: dt.date | None


def kept_by(user: Any, projects: Sequence[Project]) -> list[KeptKpi]:
    """KPIs this person owns and may still record, each with the latest period recorded."""
    # A person owns a handful of KPIs but may see thousands of projects: ask by owner, then
    # keep the ones on projects in the list.
    visible = {p.pk for p in projects}
    owned = (
        Kpi.objects.filter(
            owner_id=user.pk,
            project__state__in=[s.value for s in MEASURABLE_IN],
        )
        .select_related("project")
        .prefetch_related("project__partners__organisation")
        .annotate(latest=Max("measurements__period"))
        .order_by("project__title", "name")
    )
    return [
        KeptKpi(k, k.latest)
        for k in owned
        if k.project_id in visible
        and access.may_see(user, k.project, k)
        and access.may_record(user, k.project, k)
    ]
