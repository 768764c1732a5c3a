"""A company's annual Disclosure UK file: its transfers of value to healthcare organisations.

Disclosure UK covers healthcare organisations: NHS bodies and healthcare providers outside
the NHS (see routes.py). Transfers to other partners (charities, universities) are left out of
the file and counted separately. Patient organisations are never partners; what a company
pays one for a contracted service is published on its own website (contracted.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse

from triplewin.core import disclosure
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.organisations.models import Organisation
from triplewin.transfers.models import TransferOfValue
from triplewin.transfers.routes import DISCLOSURE_UK_TYPES
from triplewin.transfers.selectors import Totals, grouped
from triplewin.transfers.tabular import Sheet


def _transfers(company: Organisation, year: int) -> QuerySet[TransferOfValue]:
    return TransferOfValue.objects.filter(company=company, year=year)


def _in_file(company: Organisation, year: int) -> QuerySet[TransferOfValue]:
    return _transfers(company, year).filter(recipient__org_type__in=DISCLOSURE_UK_TYPES)


def register_link(project_id: int) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("register:entry", args=[project_id])


def payments(company: Organisation, year: int, today: dt.date) -> Iterator[disclosure.Payment]:
    rows = list(
        _in_file(company, year)
        .select_related("recipient", "project")
        .order_by("recipient__name", "project_id", "id")
    )
    public = set(
        ExecutiveSummary.objects.published(today)
        .filter(project_id__in={r.project_id for r in rows})
        .values_list("project_id", flat=True)
    )
    for tov in rows:
        yield disclosure.Payment(
            company=company.name,
            institution=tov.recipient.name,
            address=tov.recipient.address,
            postcode=tov.recipient.postcode,
            link=register_link(tov.project_id) if tov.project_id in public else "",
            year=tov.year,
            category=disclosure.Category(tov.category),
            amount=tov.total,
            project=tov.project.title,
        )


def sheet(company: Organisation, year: int, today: dt.date) -> Sheet:
    return Sheet(
        title=f"Disclosure UK {year}",
        header=disclosure.HEADER,
        rows=(disclosure.row(p) for p in payments(company, year, today)),
    )


def filename(company: Organisation, year: int, extension: str) -> str:
    return f"disclosure-uk-{year}-{company.name}.{extension}"


@dataclass(frozen=True)
class YearSummary:
    year: int
    rows: int
    totals: Totals
    excluded_rows: int
    excluded_totals: Totals


def years(company: Organisation) -> list[YearSummary]:
    """Each year the company has transfers for, newest first, with what the file holds."""
    base = TransferOfValue.objects.filter(company=company)
    included = {
        r["year"]: r["totals"]
        for r in grouped(base.filter(recipient__org_type__in=DISCLOSURE_UK_TYPES), "year")
    }
    excluded = {
        r["year"]: r["totals"]
        for r in grouped(base.exclude(recipient__org_type__in=DISCLOSURE_UK_TYPES), "year")
    }
    counts: dict[int, list[int]] = {}
    for year, is_nhs in base.values_list("year", "recipient__org_type"):
        counts.setdefault(year, [0, 0])[0 if is_nhs in DISCLOSURE_UK_TYPES else 1] += 1
    return [
        YearSummary(
            year=year,
            rows=counts[year][0],
            totals=included.get(year, Totals()),
            excluded_rows=counts[year][1],
            excluded_totals=excluded.get(year, Totals()),
        )
        for year in sorted(counts, reverse=True)
    ]
