"""What every page of a document prints around its content: reference, date and authors.

Kept out of the content and its hash (ADR 0026): the reference and the date belong to the
version record, and the same words recorded again as a new version keep their hash.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from triplewin.core.documents.reference import reference
from triplewin.partnerships.models import Project


def partner_names(project: Project) -> tuple[str, ...]:
    return tuple(
        project.partners.select_related("organisation")
        .order_by("organisation__name")
        .values_list("organisation__name", flat=True)
    )


def imprint(
    project: Project, document: str, number: int | None, prepared_at: dt.datetime | None
) -> dict[str, Any]:
    """Keyword arguments for `DocumentView`: a version's, or today's for current content."""
    return {
        "reference": reference(project.pk, document, number),
        "prepared_on": timezone.localdate(prepared_at) if prepared_at else timezone.localdate(),
        "authors": partner_names(project),
    }
