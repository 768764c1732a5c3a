"""Writes for the executive summary.

Stage 2 adds generation from the PID and certification; for now a summary that was already
certified and published elsewhere (a partnership that predates Triple Win) can be recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.contrib.auth.models import User
from django.db import transaction

from triplewin.audit import services as audit
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.partnerships.models import Project

SUMMARY_FIELDS = (
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
    "certified_on",
    "published_on",
)


@transaction.atomic
def summary_record_published(
    *,
    actor: User | None,
    project: Project,
    fields: Mapping[str, str],
    certified_on: dt.date,
    published_on: dt.date,
) -> ExecutiveSummary:
    summary, _ = ExecutiveSummary.objects.get_or_create(project=project)
    before = audit.snapshot(summary, SUMMARY_FIELDS)
    for name, value in fields.items():
        if name not in SUMMARY_FIELDS:
            raise TypeError(f"Unknown executive summary field {name!r}")
        setattr(summary, name, value)
    summary.certified_on = certified_on
    summary.published_on = published_on
    summary.full_clean()
    summary.save()
    audit.record(
        actor=actor,
        action="summary.published",
        obj=summary,
        project_id=project.pk,
        changes=audit.diff(before, audit.snapshot(summary, SUMMARY_FIELDS)),
    )
    return summary
