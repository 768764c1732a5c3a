"""Reads about the executive summary: its content, its hash and whether it is certified.

Its certification and publication are acts in the sign-off engine (ADR 0024), bound to the
hash of the text; this module asks the engine, never the summary's own row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from triplewin.concept.selectors import content_hash
from triplewin.core import signoff as core
from triplewin.core.lifecycle import State
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.partnerships.models import Project
from triplewin.signoff import selectors as signoff
from triplewin.signoff.sources import LiveText

# How the sign-off engine names the executive summary.
DOCUMENT = "summary"
SUBJECT = "summary"

# What the public reads, in the order of the guidance; certification is bound to these.
TEXT_FIELDS = (
    "title",
    "rationale",
    "objectives",
    "benefits_patients",
    "benefits_nhs",
    "benefits_industry",
    "period",
    "financial_arrangements",
    "publication_plans",
    "contacts",
    "roles",
)


def _label(name: str) -> str:
    text = str(getattr(ExecutiveSummary._meta.get_field(name), "verbose_name", name))
    return text[:1].upper() + text[1:]


FIELD_LABELS: dict[str, str] = {name: _label(name) for name in TEXT_FIELDS}


def summary_content(summary: ExecutiveSummary) -> dict[str, Any]:
    return {name: getattr(summary, name) for name in TEXT_FIELDS}


def summary_hash(summary: ExecutiveSummary) -> str:
    return content_hash(summary_content(summary))


def summary_missing(summary: ExecutiveSummary) -> tuple[str, ...]:
    return tuple(FIELD_LABELS[name] for name in TEXT_FIELDS if not getattr(summary, name).strip())


def _live_hash(project: Project) -> str:
    summary = ExecutiveSummary.objects.filter(project=project).first()
    return summary_hash(summary) if summary else ""


# The summary as the engine sees it: the live text, and every text acted on before.
SOURCE = LiveText(DOCUMENT, "executive summary", _live_hash)


def sign_off_state(project: Project) -> core.VersionSignOff | None:
    """The engine's answer for the text as it stands now; None before a summary exists."""
    found = signoff.current(project, DOCUMENT, SUBJECT)
    return found.state if found else None


def certification_holds(project: Project) -> bool:
    """Certified, and the text is exactly what the signatory certified."""
    state = sign_off_state(project)
    return state is not None and state.certified


def publication(project: Project) -> core.ActRecord | None:
    """The engine's record of the publication, whichever text it was given on."""
    act = signoff.first_act(project, DOCUMENT, SUBJECT, core.Act.PUBLISH)
    return act.as_record() if act else None


def summary_published_on(project: Project) -> dt.date | None:
    """The day the executive summary was (or is scheduled to be) published.

    That is the day the summary lists on the register (written with the engine's publish act)
    or, for a partnership whose history was imported (its summary lives elsewhere), the day it
    reached "summary published".
    """
    published = (
        ExecutiveSummary.objects.filter(project=project)
        .values_list("published_on", flat=True)
        .first()
    )
    if published is not None:
        return published
    step = project.transitions.filter(to_state=State.SUMMARY_PUBLISHED).order_by("at", "id").first()
    return timezone.localdate(step.at) if step else None


def summary_certified(project: Project) -> bool | None:
    """For the rules: None when no summary exists yet."""
    if not ExecutiveSummary.objects.filter(project=project).exists():
        return None
    # A published summary was certified before it went out (or recorded as such on import).
    return publication(project) is not None or certification_holds(project)
