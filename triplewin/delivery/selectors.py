"""Reads about delivery that pages and other apps need: the RAG status above all."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from triplewin.core import rag
from triplewin.core.lifecycle import State
from triplewin.delivery.models import Issue, IssueStatus, Milestone, RagOverride, Risk, RiskStatus
from triplewin.delivery.overruns import project_overrun
from triplewin.kpis.selectors import kpi_rag_inputs
from triplewin.meetings.models import Action, ActionStatus
from triplewin.partnerships.models import Project
from triplewin.partnerships.visibility import Visibility

COMPLETED_STATES = frozenset({State.COMPLETED, State.OUTCOMES_PUBLISHED})


def kpi_counts(seen: Visibility, today: dt.date) -> tuple[int, int]:
    """(KPIs off track, KPIs in all) among the KPIs this viewer may see."""
    return kpi_rag_inputs(seen, today)


def open_actions(project: Project) -> list[Action]:
    return list(
        Action.objects.filter(project=project, status=ActionStatus.OPEN)
        .select_related("owner", "meeting")
        .order_by("due_on", "id")
    )


def overdue_action_count(project: Project, today: dt.date) -> int:
    return Action.objects.filter(
        project=project, status=ActionStatus.OPEN, due_on__lt=today
    ).count()


def milestones_of(project: Project) -> list[Milestone]:
    return list(Milestone.objects.filter(project=project).order_by("planned_on", "id"))


def risks_by_score(project: Project, *, open_only: bool = False) -> list[Risk]:
    """Highest score first; closed risks last."""
    found = list(Risk.objects.filter(project=project))
    if open_only:
        found = [r for r in found if r.status != RiskStatus.CLOSED]
    return sorted(found, key=lambda r: (r.status == RiskStatus.CLOSED, -r.score, r.pk))


def issues_of(project: Project, *, open_only: bool = False) -> list[Issue]:
    found = Issue.objects.filter(project=project)
    if open_only:
        found = found.filter(status=IssueStatus.OPEN)
    return sorted(found, key=lambda i: (i.status != IssueStatus.OPEN, i.raised_on, i.pk))


def active_override(project: Project, today: dt.date) -> RagOverride | None:
    """The latest override, unless it was cleared or its end date has passed."""
    latest = (
        RagOverride.objects.filter(project=project)
        .select_related("clearance")
        .order_by("-at", "-id")
        .first()
    )
    if latest is None or hasattr(latest, "clearance"):
        return None
    if latest.expires_on is not None and latest.expires_on < today:
        return None
    return latest


def rag_inputs(seen: Visibility, today: dt.date) -> rag.RagInputs:
    project = seen.project
    off_track, total = kpi_counts(seen, today)
    return rag.RagInputs(
        today=today,
        milestones=tuple(
            rag.MilestoneDates(m.planned_on, m.actual_on) for m in milestones_of(project)
        ),
        kpis_off_track=off_track,
        kpis_total=total,
        overdue_actions=overdue_action_count(project, today),
        overrun=project_overrun(project, today),
        in_delivery=project.state_enum is State.IN_DELIVERY,
    )


@dataclass(frozen=True)
class RagView:
    """The computed status and, beside it, any override in force."""

    computed: rag.RagResult
    override: RagOverride | None
    # Says when the KPI factor counts only what this viewer may see.
    note: str = ""

    @property
    def rating(self) -> rag.Rating:
        """What the project shows: the override while one is in force, else the computed one."""
        return rag.Rating(self.override.rating) if self.override else self.computed.rating

    @property
    def label(self) -> str:
        return rag.LABELS[self.rating]

    @property
    def is_overridden(self) -> bool:
        return self.override is not None


def rag_status(seen: Visibility, today: dt.date) -> RagView:
    """The status as this viewer may know it: a company's is computed without NHS-only KPIs,
    and says so, rather than letting a hidden KPI turn a figure it reads red."""
    return RagView(
        rag.compute(rag_inputs(seen, today)), active_override(seen.project, today), seen.note
    )


def completion_date(project: Project) -> dt.date | None:
    """The actual end date of a completed project; None until it completes (or if terminated)."""
    if project.state_enum not in COMPLETED_STATES:
        return None
    return project.actual_end
