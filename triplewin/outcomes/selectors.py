"""Reads about the outcomes summary: its text and hash, sign-off, publication and deadline.

`published_outcomes` and `outcomes_deadline` are for other pages (the public register, the
project page); `outcomes_published_on` is the evidence the OUTCOMES-* rules need.
"""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

from django.utils import timezone

from triplewin.concept.selectors import content_hash
from triplewin.core import signoff as core
from triplewin.core.lifecycle import State
from triplewin.core.outcomes import Deadline
from triplewin.core.outcomes import outcomes_deadline as deadline_for
from triplewin.outcomes.due import outcomes_due
from triplewin.outcomes.models import OutcomesSummary, Status
from triplewin.partnerships.models import Project
from triplewin.signoff import selectors as signoff
from triplewin.signoff.sources import LiveText

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


# How the sign-off engine names the outcomes summary (ADR 0024). Its certification, approvals
# and publication are acts there, bound to the hash of the text.
DOCUMENT = "outcomes"
SUBJECT = "outcomes"


def _live_hash(project: Project) -> str:
    summary = OutcomesSummary.objects.filter(project=project).first()
    return summary_hash(summary) if summary else ""


# The summary as the engine sees it: the live text, and every text acted on before.
SOURCE = LiveText(DOCUMENT, "outcomes summary", _live_hash)


def sign_off_state(project: Project) -> core.VersionSignOff | None:
    """The engine's answer for the text as it stands now; None before a summary exists."""
    found = signoff.current(project, DOCUMENT, SUBJECT)
    return found.state if found else None


def certification_holds(project: Project) -> bool:
    """Certified, and the text is exactly what the signatory certified."""
    state = sign_off_state(project)
    return state is not None and state.certified


def decisions(project: Project) -> list[core.BodyDecision]:
    """Each body's latest decision on the text as it now stands (older texts do not count)."""
    state = sign_off_state(project)
    return list(state.decisions) if state else []


def fully_approved(project: Project) -> bool:
    """Certified and approved by every body the requirement set names, on the live text."""
    state = sign_off_state(project)
    return state is not None and state.signed_off


def publication(project: Project) -> core.ActRecord | None:
    """The engine's record of the publication, whichever text it was given on."""
    act = signoff.first_act(project, DOCUMENT, SUBJECT, core.Act.PUBLISH)
    return act.as_record() if act else None


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
