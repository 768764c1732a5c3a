"""Display logic for obligations: status tags, due dates in words, and the project page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from triplewin.config.filters import govuk_date
from triplewin.core.obligations import Kind, Obligation, Status

TAG_COLOURS: dict[Status, str] = {
    Status.NOT_YET_DUE: "grey",
    Status.DUE: "yellow",
    Status.OVERDUE: "red",
    Status.MET: "green",
    Status.MET_LATE: "orange",
}
UNKNOWN_DUE: dict[Kind, str] = {
    Kind.SUMMARY: "Set when a start date is recorded",
    Kind.OUTCOMES: "Six months after delivery ends",
    Kind.DISCLOSURE: "30 June after the year ends",
    Kind.REPORT: "Set by the reporting schedule",
}


def status_tag(obligation: Obligation) -> dict[str, str]:
    return {
        "text": obligation.status_label,
        "classes": f"nhsuk-tag--{TAG_COLOURS[obligation.status]}",
    }


def in_days(days: int) -> str:
    if days == 0:
        return "today"
    if days > 0:
        return f"in {days} day{'s' if days != 1 else ''}"
    return f"{-days} day{'s' if days != -1 else ''} ago"


def due_in_days(due_on: dt.date, today: dt.date) -> str:
    """'3 March 2027 (in 5 days)', '1 March 2027 (3 days ago)'."""
    return f"{govuk_date(due_on)} ({in_days((due_on - today).days)})"


def due_text(obligation: Obligation, today: dt.date) -> str:
    if obligation.due_on is None:
        return UNKNOWN_DUE[obligation.kind]
    if obligation.is_open:
        return due_in_days(obligation.due_on, today)
    return govuk_date(obligation.due_on)


@dataclass(frozen=True)
class ObligationRow:
    obligation: Obligation
    project_id: int
    project_title: str
    due: str
    tag: dict[str, str]
    met: str

    @property
    def title(self) -> str:
        return self.obligation.title


def row(
    obligation: Obligation, today: dt.date, *, project_id: int = 0, project_title: str = ""
) -> ObligationRow:
    return ObligationRow(
        obligation=obligation,
        project_id=project_id,
        project_title=project_title,
        due=due_text(obligation, today),
        tag=status_tag(obligation),
        met=govuk_date(obligation.met_on),
    )


URGENCY = {
    Status.OVERDUE: 0,
    Status.DUE: 1,
    Status.NOT_YET_DUE: 2,
    Status.MET_LATE: 3,
    Status.MET: 4,
}


def by_urgency(rows: list[ObligationRow]) -> list[ObligationRow]:
    """Overdue first, then due, then later; within each, the nearest date first."""
    return sorted(
        rows,
        key=lambda r: (
            URGENCY[r.obligation.status],
            r.obligation.due_on is None,
            r.obligation.due_on or dt.date.max,
            r.project_title,
        ),
    )
