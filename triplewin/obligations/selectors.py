"""Builds the engine's ObligationFacts from the database, many projects at a time.

Pages that list projects (the register, the oversight dashboard, the daily reminders) ask for
a whole page or chunk at once, so the number of queries does not grow with the number of
projects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from triplewin.core.lifecycle import State
from triplewin.core.obligations import Obligation, ObligationFacts, obligations
from triplewin.core.outcomes import ENDED_STATES
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.obligations.models import ProgressReport, ReportingSchedule
from triplewin.outcomes.due import MARKERS as OUTCOMES_MARKERS
from triplewin.outcomes.due import OutcomesDue, marker_dates, outcomes_due_for
from triplewin.partnerships.models import Project
from triplewin.transfers.models import DisclosedYear, TransferOfValue

CHUNK = 500
STARTED = frozenset({State.IN_DELIVERY, *ENDED_STATES})
# The transition whose date stands in for a missing actual start date, and those the
# outcomes deadline reads (read together, in one query).
MARKERS = (State.IN_DELIVERY, *OUTCOMES_MARKERS)


def _chunks(projects: Sequence[Project]) -> Iterable[Sequence[Project]]:
    for start in range(0, len(projects), CHUNK):
        yield projects[start : start + CHUNK]


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
        markers = marker_dates(ids, MARKERS)
        ends = outcomes_due_for(chunk, markers=markers)
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
                end=ends[project.pk],
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
    end: OutcomesDue,
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
    return ObligationFacts(
        planned_start=project.planned_start,
        actual_start=actual_start,
        ended_on=end.ended_on,
        terminated=end.terminated,
        withdrawn=state is State.WITHDRAWN,
        summary_published_on=summary_published_on,
        outcomes_published_on=end.published_on,
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
