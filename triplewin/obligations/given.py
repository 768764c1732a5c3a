"""Display logic for the work given to the signed-in person by name: their open actions and
the KPIs whose values they keep. Shown on the deadlines page so nobody has to search for it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from triplewin.kpis import formatting
from triplewin.kpis.selectors import KeptKpi
from triplewin.meetings.models import Action
from triplewin.meetings.presenters import action_rows
from triplewin.obligations.presenters import due_in_days


@dataclass(frozen=True)
class GivenAction:
    project_id: int
    project_title: str
    description: str
    due: str
    tag: dict[str, str]


@dataclass(frozen=True)
class GivenKpi:
    project_id: int
    kpi_id: int
    project_title: str
    name: str
    latest: str


def given_actions(actions: Sequence[Action], today: dt.date) -> list[GivenAction]:
    rows = action_rows(list(actions), today)
    return [
        GivenAction(
            project_id=a.project_id,
            project_title=a.project.title,
            description=r.description,
            due=due_in_days(a.due_on, today),
            tag=r.status_tag,
        )
        for a, r in zip(actions, rows, strict=True)
    ]


def given_kpis(kept: Sequence[KeptKpi]) -> list[GivenKpi]:
    return [
        GivenKpi(
            project_id=k.kpi.project_id,
            kpi_id=k.kpi.pk,
            project_title=k.kpi.project.title,
            name=k.kpi.name,
            latest=(formatting.period(k.latest, k.kpi.frequency) if k.latest else "No values yet"),
        )
        for k in kept
    ]
