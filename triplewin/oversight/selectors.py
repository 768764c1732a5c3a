"""Reads for the oversight dashboard: a system's partnerships, stalls, deadlines and money.

A system is an ICB (or a HIN): its partnerships are those with a partner that is the system
itself or an organisation in its area, the same rule that lets an oversight lead open them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from triplewin.core.lifecycle import STATES, TERMINAL_STATES, Stage, State
from triplewin.core.obligations import Obligation, Status
from triplewin.obligations.selectors import obligations_for
from triplewin.organisations.models import Organisation
from triplewin.partnerships.models import Project, ProjectPartner, ProjectTransition
from triplewin.transfers.models import TransferOfValue
from triplewin.transfers.selectors import grouped

DEFAULT_STALL_DAYS = 90


def system_projects(system: Organisation) -> QuerySet[Project]:
    in_system = ProjectPartner.objects.filter(project=OuterRef("pk")).filter(
        Q(organisation=system) | Q(organisation__system=system)
    )
    return Project.objects.filter(Exists(in_system)).prefetch_related("partners__organisation")


@dataclass(frozen=True)
class StageGroup:
    stage: Stage
    projects: list[Project]

    @property
    def count(self) -> int:
        return len(self.projects)


def by_stage(projects: Sequence[Project]) -> list[StageGroup]:
    order = {state: index for index, state in enumerate(STATES)}
    groups = []
    for stage in Stage:
        members = sorted(
            (p for p in projects if STATES[p.state_enum].stage is stage),
            key=lambda p: (order[p.state_enum], p.title.lower()),
        )
        groups.append(StageGroup(stage, members))
    return groups


def _meeting_lookup() -> Callable[[Project], dt.date | None]:
    try:
        from triplewin.meetings.selectors import last_meeting_on
    except ImportError:
        # The meetings app is built alongside this one. Until its selector exists, a
        # project's last activity is its last lifecycle step (or its creation) alone.
        return lambda project: None
    return last_meeting_on


@dataclass(frozen=True)
class Stalled:
    project: Project
    last_activity: dt.date
    days: int
    what: str  # "lifecycle step", "meeting" or "created"


def stalled(projects: Sequence[Project], today: dt.date, days: int) -> list[Stalled]:
    """Open projects with no lifecycle step and no meeting for `days` days or more."""
    cutoff = today - dt.timedelta(days=days)
    open_projects = [p for p in projects if p.state_enum not in TERMINAL_STATES]
    last_step = dict(
        ProjectTransition.objects.filter(project__in=[p.pk for p in open_projects])
        .values("project_id")
        .annotate(last=Max("at"))
        .values_list("project_id", "last")
    )
    meeting_on = _meeting_lookup()
    found = []
    for project in open_projects:
        step = last_step.get(project.pk)
        last, what = (
            (timezone.localdate(step), "lifecycle step")
            if step
            else (timezone.localdate(project.created_at), "created")
        )
        if last > cutoff:
            continue
        # Only projects quiet on the lifecycle are checked for meetings: one query each.
        met = meeting_on(project)
        if met is not None and met > last:
            last, what = met, "meeting"
            if last > cutoff:
                continue
        found.append(Stalled(project, last, (today - last).days, what))
    return sorted(found, key=lambda s: (-s.days, s.project.title.lower()))


@dataclass(frozen=True)
class Overdue:
    project: Project
    obligation: Obligation
    days: int


def overdue(projects: Sequence[Project], today: dt.date) -> list[Overdue]:
    found = obligations_for(projects, today)
    rows = [
        Overdue(p, o, -(o.days_until_due(today) or 0))
        for p in projects
        for o in found[p.pk]
        if o.status is Status.OVERDUE
    ]
    return sorted(rows, key=lambda r: (-r.days, r.project.title.lower()))


def value_flows(system: Organisation, projects: QuerySet[Project]) -> list[dict[str, Any]]:
    """Transfers to organisations in the system, by organisation, year and company."""
    transfers = TransferOfValue.objects.filter(project__in=projects.values("pk")).filter(
        Q(recipient=system) | Q(recipient__system=system)
    )
    return grouped(transfers, "recipient__name", "year", "company__name")


def state_counts(projects: Sequence[Project]) -> list[tuple[State, int]]:
    counts: dict[State, int] = {}
    for p in projects:
        counts[p.state_enum] = counts.get(p.state_enum, 0) + 1
    return [(state, counts[state]) for state in STATES if state in counts]
