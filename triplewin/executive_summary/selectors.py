"""Reads about the executive summary: its content, its hash and whether it is certified."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from triplewin.concept.selectors import content_hash
from triplewin.core.lifecycle import State
from triplewin.executive_summary.models import ExecutiveSummary, Status
from triplewin.partnerships.models import Project

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


def certification_holds(summary: ExecutiveSummary) -> bool:
    """Certified, and the text is exactly what the signatory certified."""
    return (
        summary.status == Status.CERTIFIED
        and bool(summary.certified_hash)
        and summary.certified_hash == summary_hash(summary)
    )


def summary_published_on(project: Project) -> dt.date | None:
    """The day the executive summary was (or is scheduled to be) published.

    That is the summary's own date in Triple Win or, for a partnership whose history was
    imported (its summary lives elsewhere), the day it reached "summary published".
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
    summary = ExecutiveSummary.objects.filter(project=project).first()
    if summary is None:
        return None
    # A published summary was certified before it went out (or recorded as such on import).
    return summary.status == Status.PUBLISHED or certification_holds(summary)
