"""The delivery status report for steering meetings; certified and approved in this engine."""

from __future__ import annotations

from django.utils import timezone

from triplewin.core.dates import long_date
from triplewin.core.documents import catalogue
from triplewin.core.documents.definitions import Filled, build
from triplewin.delivery.presenters.dashboard import DeliveryPresenter
from triplewin.delivery.presenters.rows import MilestoneRow
from triplewin.documents.kinds.base import Kind, Snapshot
from triplewin.partnerships.models import Project
from triplewin.partnerships.visibility import Visibility


def _milestone(m: MilestoneRow) -> str:
    parts = [f"Planned: {long_date(m.planned_on)}"]
    parts.append(f"Achieved: {long_date(m.actual_on)}" if m.actual_on else "Not yet achieved")
    parts.append(f"Owner: {m.owner}")
    return ". ".join(parts) + "."


class StatusReportKind(Kind):
    definition = catalogue.STATUS_REPORT
    owner_url_name = "delivery:dashboard"

    def current(self, project: Project, subject: str) -> Snapshot:
        today = timezone.localdate()
        # Every partner signs the same text, so it counts only what all of them may see.
        p = DeliveryPresenter(Visibility.shared(project), today)
        values: dict[str, Filled] = {
            "status": {
                "stage": p.state_label,
                "rag": p.rag.tag["text"],
                "kpis": p.kpi_headline,
            },
            "milestones": [(f"milestone-{m.pk}", m.title, _milestone(m)) for m in p.milestones],
            "risks": [
                (
                    f"risk-{r.pk}",
                    r.description,
                    f"Score {r.score}. Owner: {r.owner}. Mitigation: {r.mitigation or 'none recorded'}.",
                )
                for r in p.open_risks
            ],
            "issues": [
                (f"issue-{i.pk}", i.description, f"Raised by {i.raised}. Owner: {i.owner}.")
                for i in p.open_issues
            ],
            "actions": [
                (f"action-{a.pk}", a.description, f"Owner: {a.owner}. Due: {long_date(a.due_on)}.")
                for a in p.actions
            ],
        }
        document = build(
            self.definition,
            project=project.title,
            values=values,
            subtitle=f"As at {long_date(today)}",
        )
        return Snapshot(document, "")
