"""Builds the engine's ObligationFacts from the database, many projects at a time.

Pages that list projects (the register, the oversight dashboard, the daily reminders) ask for
a whole page or chunk at once, so the number of queries does not grow with the number of
projects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.utils import timezone

from triplewin.core.lifecycle import State
from triplewin.core.obligations import Obligation, ObligationFacts, obligations
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.obligations.models import ProgressReport, ReportingSchedule
from triplewin.partnerships.models import Project, ProjectTransition
from triplewin.transfers.models import DisclosedYear, TransferOfValue

CHUNK = 500
ENDED = frozenset({State.COMPLETED, State.OUTCOMES_PUBLISHED, State.TERMINATED})
STARTED = frozenset({State.IN_DELIVERY, *ENDED})
# The transitions whose dates stand in for a missing actual start or end date.
MARKERS = (State.IN_DELIVERY, State.COMPLETED, State.TERMINATED, State.OUTCOMES_PUBLISHED)


def _chunks(projects: Sequence[Project]) -> Iterable[Sequence[Project]]:
    for start in range(0, len(projects), CHUNK):
        yield projects[start : start + CHUNK]


def _marker_dates(ids: list[int]) -> dict[tuple[int, str], dt.date]:
    """The first day each project reached each marker state."""
    found: dict[tuple[int, str], dt.date] = {}
    rows = (
        ProjectTransition.objects.filter(project_id__in=ids, to_state__in=MARKERS)
        .order_by("at", "id")
        .values_list("project_id", "to_state", "at")
    )
    for project_id, to_state, at in rows:
        found.setdefault((project_id, to_state), timezone.localdate(at))
    return found


def _disclosed(ids: list[int]) -> tuple[dict[int, set[int]], dict[tuple[int, int], dt.date]]:
    """Years with transfers per project, and the day each year became fully disclosed.

    A year counts as disclosed once every company with transfers that year has marked it;
    its date is the last of those marks.
    """
    owed: dict[tuple[int, int], set[int]] = {}
    for project_id, year, company_id in (
        TransferOfValue.objects.filter(project_id__in=ids)
        .order_by()
        .values_list("project_id", "year", "company_id")
        .distinct()
    ):
        owed.setdefault((project_id, year), set()).add(company_id)
    marks: dict[tuple[int, int], dict[int, dt.date]] = {}
    for project_id, year, company_id, day in (
        DisclosedYear.objects.filter(project_id__in=ids)
        .order_by()
        .values_list("project_id", "year", "company_id", "disclosed_on")
    ):
        marks.setdefault((project_id, year), {})[company_id] = day
    years: dict[int, set[int]] = {}
    done: dict[tuple[int, int], dt.date] = {}
    for (project_id, year), companies in owed.items():
        years.setdefault(project_id, set()).add(year)
        marked = marks.get((project_id, year), {})
        if companies <= set(marked):
            done[(project_id, year)] = max(marked[c] for c in companies)
    return years, done


def facts_for(
    projects: Sequence[Project], *, include_reports: bool = True
) -> dict[int, ObligationFacts]:
    found: dict[int, ObligationFacts] = {}
    for chunk in _chunks(projects):
        ids = [p.pk for p in chunk]
        published = dict(
            ExecutiveSummary.objects.filter(project_id__in=ids).values_list(
                "project_id", "published_on"
            )
        )
        markers = _marker_dates(ids)
        years, disclosed = _disclosed(ids)
        every: dict[int, int] = {}
        reports: dict[int, dict[dt.date, dt.date]] = {}
        if include_reports:
            every = dict(
                ReportingSchedule.objects.filter(project_id__in=ids).values_list(
                    "project_id", "every_months"
                )
            )
            for project_id, due_on, submitted_on in ProgressReport.objects.filter(
                project_id__in=ids
            ).values_list("project_id", "due_on", "submitted_on"):
                reports.setdefault(project_id, {})[due_on] = submitted_on
        for project in chunk:
            found[project.pk] = _facts(
                project,
                summary_published_on=published.get(project.pk),
                markers=markers,
                years=years.get(project.pk, set()),
                disclosed=disclosed,
                every=every.get(project.pk),
                reports=reports.get(project.pk, {}),
            )
    return found


def _facts(
    project: Project,
    *,
    summary_published_on: dt.date | None,
    markers: dict[tuple[int, str], dt.date],
    years: set[int],
    disclosed: dict[tuple[int, int], dt.date],
    every: int | None,
    reports: dict[dt.date, dt.date],
) -> ObligationFacts:
    state = project.state_enum
    pk = project.pk
    actual_start = project.actual_start
    if actual_start is None and state in STARTED:
        actual_start = markers.get((pk, State.IN_DELIVERY))
    ended_on = None
    if state in ENDED:
        ended_on = (
            project.actual_end
            or markers.get((pk, State.TERMINATED))
            or markers.get((pk, State.COMPLETED))
        )
    return ObligationFacts(
        planned_start=project.planned_start,
        actual_start=actual_start,
        ended_on=ended_on,
        terminated=state is State.TERMINATED,
        withdrawn=state is State.WITHDRAWN,
        summary_published_on=summary_published_on,
        outcomes_published_on=markers.get((pk, State.OUTCOMES_PUBLISHED)),
        tov_years=frozenset(years),
        disclosed_on={year: disclosed[(pk, year)] for year in years if (pk, year) in disclosed},
        reporting_every_months=every,
        reports=reports,
    )


def obligations_for(
    projects: Sequence[Project], today: dt.date, *, include_reports: bool = True
) -> dict[int, tuple[Obligation, ...]]:
    facts = facts_for(projects, include_reports=include_reports)
    return {pk: obligations(f, today, include_reports=include_reports) for pk, f in facts.items()}


def project_obligations(project: Project, today: dt.date) -> tuple[Obligation, ...]:
    return obligations_for([project], today)[project.pk]
