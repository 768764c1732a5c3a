"""Is an outcomes summary due, and from when: read once, for many projects at a time.

Every page that speaks of the outcomes deadline reads it here: the compliance panel (through
the rules' facts), the Deadlines page and the reminders (through the obligations), the
public register and the outcomes page. Completion and early termination both start the
six-month clock; `core.outcomes.delivery_ended_on` decides which date counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import timezone

from triplewin.core.lifecycle import State
from triplewin.core.outcomes import DeliveryEnd, delivery_ended_on
from triplewin.delivery.models import Termination
from triplewin.outcomes.models import OutcomesSummary, Status
from triplewin.partnerships.models import Project, ProjectTransition

MARKERS = (State.COMPLETED, State.TERMINATED, State.OUTCOMES_PUBLISHED)


@dataclass(frozen=True)
class OutcomesDue:
    ended_on: dt.date | None
    terminated: bool
    # The day the summary was (or is scheduled to be) published, if it was.
    published_on: dt.date | None


def marker_dates(ids: list[int], states: Sequence[State]) -> dict[tuple[int, str], dt.date]:
    """The first day each project reached each of these states."""
    found: dict[tuple[int, str], dt.date] = {}
    for project_id, to_state, at in (
        ProjectTransition.objects.filter(project_id__in=ids, to_state__in=states)
        .order_by("at", "id")
        .values_list("project_id", "to_state", "at")
    ):
        found.setdefault((project_id, to_state), timezone.localdate(at))
    return found


def outcomes_due_for(
    projects: Sequence[Project], *, markers: dict[tuple[int, str], dt.date] | None = None
) -> dict[int, OutcomesDue]:
    """Three queries however many projects; two when the caller already read the markers."""
    ids = [p.pk for p in projects]
    if markers is None:
        markers = marker_dates(ids, MARKERS)
    stopped = dict(
        Termination.objects.filter(project_id__in=ids).values_list("project", "ended_on")
    )
    published = dict(
        OutcomesSummary.objects.filter(project_id__in=ids, status=Status.PUBLISHED).values_list(
            "project", "published_on"
        )
    )
    found: dict[int, OutcomesDue] = {}
    for project in projects:
        pk = project.pk
        end = DeliveryEnd(
            state=project.state_enum,
            actual_end=project.actual_end,
            terminated_on=stopped.get(pk),
            completed_marker=markers.get((pk, State.COMPLETED)),
            terminated_marker=markers.get((pk, State.TERMINATED)),
        )
        found[pk] = OutcomesDue(
            ended_on=delivery_ended_on(end),
            terminated=end.terminated,
            # A summary published in Triple Win, or, for a partnership whose history was
            # imported (its summary lives elsewhere), the day it reached "outcomes published".
            published_on=published.get(pk) or markers.get((pk, State.OUTCOMES_PUBLISHED)),
        )
    return found


def outcomes_due(project: Project) -> OutcomesDue:
    return outcomes_due_for([project])[project.pk]
