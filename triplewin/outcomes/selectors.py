"""Reads about the outcomes summary: its text and hash, sign-off, publication and deadline.

`published_outcomes` and `outcomes_deadline` are for other pages (the public register, the
project page); `outcomes_published_on` is the evidence the OUTCOMES-* rules need.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from triplewin.concept.selectors import content_hash
from triplewin.core.lifecycle import State
from triplewin.core.outcomes import Deadline
from triplewin.core.outcomes import outcomes_deadline as deadline_for
from triplewin.outcomes.due import outcomes_due
from triplewin.outcomes.models import OutcomesApproval, OutcomesSummary, Status
from triplewin.partnerships.models import Project
from triplewin.signoff.selectors import Body, required_bodies

# What the public reads, in the order of the guidance; certification and approval bind to it.
TEXT_FIELDS = (
    "partners",
    "duration",
    "overview",
    "results",
    "outcomes_patients",
    "outcomes_nhs",
    "outcomes_industry",
    "shared_vision",
    "contributions",
    "benefits",
    "relationships",
    "business_case",
    "scaling",
    "conclusions",
)
FIELD_LABELS: dict[str, str] = {
    name: str(getattr(OutcomesSummary._meta.get_field(name), "verbose_name", name))
    for name in TEXT_FIELDS
}


def summary_for(project: Project) -> OutcomesSummary | None:
    return OutcomesSummary.objects.filter(project=project).first()


def summary_content(summary: OutcomesSummary) -> dict[str, Any]:
    return {name: getattr(summary, name) for name in TEXT_FIELDS}


def summary_hash(summary: OutcomesSummary) -> str:
    return content_hash(summary_content(summary))


def summary_missing(summary: OutcomesSummary) -> tuple[str, ...]:
    return tuple(FIELD_LABELS[name] for name in TEXT_FIELDS if not getattr(summary, name).strip())


def certification_holds(summary: OutcomesSummary) -> bool:
    """Certified, and the text is exactly what the signatory certified."""
    return (
        summary.status == Status.CERTIFIED
        and bool(summary.certified_hash)
        and summary.certified_hash == summary_hash(summary)
    )


@dataclass(frozen=True)
class BodyDecision:
    body: Body
    latest: OutcomesApproval | None

    @property
    def approved(self) -> bool:
        return self.latest is not None and self.latest.decision == "approve"

    @property
    def rejected(self) -> bool:
        return self.latest is not None and self.latest.decision == "reject"


def decisions(project: Project, summary: OutcomesSummary | None) -> list[BodyDecision]:
    """Each body's latest decision on the text as it now stands (older texts do not count)."""
    latest: dict[str, OutcomesApproval] = {}
    if summary is not None and summary.certified_hash:
        for approval in OutcomesApproval.objects.filter(
            summary=summary, content_hash=summary.certified_hash
        ).select_related("organisation", "decided_by"):
            key = (
                "team"
                if approval.organisation_id is None
                else f"committee-{approval.organisation_id}"
            )
            latest[key] = approval
    return [BodyDecision(b, latest.get(b.key)) for b in required_bodies(project, "outcomes")]


def fully_approved(project: Project, summary: OutcomesSummary) -> bool:
    return certification_holds(summary) and all(d.approved for d in decisions(project, summary))


def published_outcomes(project: Project, today: dt.date | None = None) -> OutcomesSummary | None:
    """The published summary the public may read, or None; a future publication date waits."""
    return OutcomesSummary.objects.published(today).filter(project=project).first()


def outcomes_published_on(project: Project) -> dt.date | None:
    """For the rules and the deadline: the day the outcomes were published, if they were.

    That is the summary's publication date in Triple Win or, for a partnership whose history
    was imported (its summary lives elsewhere), the day it reached "outcomes published".
    """
    summary = OutcomesSummary.objects.filter(project=project, status=Status.PUBLISHED).first()
    if summary is not None:
        return summary.published_on
    step = (
        project.transitions.filter(to_state=State.OUTCOMES_PUBLISHED).order_by("at", "id").first()
    )
    return timezone.localdate(step.at) if step else None


def ended_on(project: Project) -> dt.date | None:
    """The day delivery ended, by completion or early termination; None while it has not."""
    return outcomes_due(project).ended_on


def outcomes_deadline(project: Project, today: dt.date | None = None) -> Deadline | None:
    """The six-month deadline once delivery has ended (completed or terminated); else None."""
    today = today or timezone.localdate()
    due = outcomes_due(project)
    if due.ended_on is None or due.ended_on > today:
        return None
    published = due.published_on if due.published_on and due.published_on <= today else None
    return deadline_for(completed_on=due.ended_on, today=today, published_on=published)


def kpi_results(project: Project) -> list[dict[str, str]] | None:
    """The KPI results for the outcomes summary, or None while the KPI app cannot give them.

    Imported by name at call time: the KPI app is built alongside this one, and the summary
    still works (people write the results themselves) where it has nothing to offer.
    """
    try:
        module = importlib.import_module("triplewin.kpis.selectors")
    except ImportError:
        return None
    reader = getattr(module, "kpi_summary_for_outcomes", None)
    if reader is None:
        return None
    rows = reader(project)
    return [{str(k): str(v) for k, v in row.items()} for row in rows]
