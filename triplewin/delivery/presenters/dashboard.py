"""Everything the delivery dashboard and the steering status report show, composed once."""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from triplewin.core.lifecycle import STATES
from triplewin.delivery.presenters.rows import (
    IssueRow,
    MilestoneRow,
    RagPresenter,
    RiskRow,
    issue_row,
    milestone_rows,
    risk_row,
)
from triplewin.delivery.selectors import (
    issues_of,
    kpi_counts,
    milestones_of,
    open_actions,
    rag_status,
    risks_by_score,
)
from triplewin.meetings.presenters import ActionRow, action_rows
from triplewin.partnerships.models import Project
from triplewin.partnerships.visibility import Visibility

TOP_RISKS = 5


class DeliveryPresenter:
    """`seen` is the viewer's visibility; the status report passes the shared one."""

    def __init__(self, seen: Visibility, today: dt.date) -> None:
        self.seen = seen
        self.project: Project = seen.project
        self.today = today
        self.state_label = STATES[self.project.state_enum].label

    @cached_property
    def rag(self) -> RagPresenter:
        return RagPresenter(rag_status(self.seen, self.today))

    @cached_property
    def milestones(self) -> list[MilestoneRow]:
        return milestone_rows(milestones_of(self.project), self.today)

    @cached_property
    def open_risks(self) -> list[RiskRow]:
        return [risk_row(r) for r in risks_by_score(self.project, open_only=True)]

    @property
    def top_risks(self) -> list[RiskRow]:
        return self.open_risks[:TOP_RISKS]

    @cached_property
    def open_issues(self) -> list[IssueRow]:
        return [issue_row(i) for i in issues_of(self.project, open_only=True)]

    @cached_property
    def actions(self) -> list[ActionRow]:
        """Open actions, the overdue ones first (they are ordered by due date)."""
        return action_rows(open_actions(self.project), self.today)

    @property
    def overdue_actions(self) -> list[ActionRow]:
        return [a for a in self.actions if a.due_on < self.today]

    @cached_property
    def kpi_headline(self) -> str:
        off_track, total = kpi_counts(self.seen, self.today)
        if total == 0:
            return ""
        if total == 1:
            headline = f"The KPI is {'off' if off_track else 'on'} track."
        elif off_track == 0:
            headline = f"All {total} KPIs are on track."
        else:
            headline = f"{off_track} of {total} KPIs are off track."
        return f"{headline} {self.seen.note}".strip()
