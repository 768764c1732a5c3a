"""What the register asks the owning apps about sign-off: the only place it does.

The register shows a partnership's outcomes once its summary of outcomes is published, and
offers that summary's certified PDF. Whether a text is certified or published is decided by
the sign-off engine, through the owning app's selectors (`outcomes`; the executive summary's
publication is `register.selectors.published`). The certified PDF is frozen by the publication
itself (`outcomes.services.outcomes_publish`); the public only ever reads that frozen copy.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from triplewin.core.documents import catalogue
from triplewin.documents.models import CertifiedCopy, DocumentVersion
from triplewin.outcomes.models import OutcomesSummary
from triplewin.outcomes.selectors import kpi_results, summary_hash
from triplewin.partnerships.models import Project

OUTCOMES_DOCUMENT = catalogue.OUTCOMES.kind


def published_outcomes(today: dt.date) -> QuerySet[OutcomesSummary]:
    """Outcomes summaries the public may read: published, on a day that has arrived.

    A draft, a certified or approved text, or one scheduled for a later day is not here.
    """
    return OutcomesSummary.objects.published(today)


def outcomes_kpi_results(project: Project) -> list[dict[str, str]]:
    """KPI results as the outcomes summary gives them: only KPIs every partner may see.

    That is the rule for anything published (ADR 0014): a KPI not shared with the company
    partners holds NHS-only data, so it never reaches the public either.
    """
    return kpi_results(project) or []


def _outcomes_version(project: Project, summary: OutcomesSummary) -> DocumentVersion | None:
    return (
        DocumentVersion.objects.filter(
            project=project, document=OUTCOMES_DOCUMENT, source_hash=summary_hash(summary)
        )
        .order_by("-number")
        .first()
    )


def certified_outcomes_copy(project: Project, today: dt.date) -> CertifiedCopy | None:
    """The frozen PDF of the published outcomes summary, or None when there is none.

    Only read here: publishing froze it. Only the copy of the version bound to the published
    text qualifies: an earlier, superseded text does not.
    """
    summary = published_outcomes(today).filter(project=project).first()
    if summary is None:
        return None
    version = _outcomes_version(project, summary)
    if version is None:
        return None
    return CertifiedCopy.objects.filter(version=version).first()
