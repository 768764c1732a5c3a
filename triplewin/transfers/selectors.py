"""Reads about transfers of value: totals for the register, the project and oversight."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet, Sum

from triplewin.core.obligations import disclosure_deadline
from triplewin.organisations.models import OrgType
from triplewin.partnerships.models import Project
from triplewin.transfers.models import ZERO, ContractedService, DisclosedYear, TransferOfValue
from triplewin.transfers.routes import DISCLOSURE_UK_TYPES

PENCE = Decimal("0.01")


@dataclass(frozen=True)
class Totals:
    money: Decimal = ZERO
    benefits: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return self.money + self.benefits

    def __add__(self, other: Totals) -> Totals:
        return Totals(self.money + other.money, self.benefits + other.benefits)


def _pence(value: Decimal | None) -> Decimal:
    # SQLite's SUM drops trailing zeros; exports always show pounds and pence.
    return (value or ZERO).quantize(PENCE)


def grouped(transfers: QuerySet[TransferOfValue], *fields: str) -> list[dict[str, Any]]:
    """One dict per group, with `totals` holding the money and benefits in kind."""
    rows = (
        transfers.order_by()
        .values(*fields)
        .annotate(money=Sum("amount_money"), benefits=Sum("amount_benefits_in_kind"))
        .order_by(*fields)
    )
    return [
        {
            **{name: row[name] for name in fields},
            "totals": Totals(_pence(row["money"]), _pence(row["benefits"])),
        }
        for row in rows
    ]


def totals_by_project_year(project_ids: Iterable[int]) -> dict[int, dict[int, Totals]]:
    found: dict[int, dict[int, Totals]] = {}
    ids = list(project_ids)
    for start in range(0, len(ids), 500):
        chunk = TransferOfValue.objects.filter(project_id__in=ids[start : start + 500])
        for row in grouped(chunk, "project_id", "year"):
            found.setdefault(row["project_id"], {})[row["year"]] = row["totals"]
    return found


def _latest_overdue_year(today: dt.date) -> int:
    """The most recent year whose disclosure deadline (end of June the next year) has passed."""
    return today.year - 1 if today > disclosure_deadline(today.year - 1) else today.year - 2


def undisclosed_years(project: Project, today: dt.date) -> tuple[int, ...]:
    """Years past their Disclosure UK deadline with transfers a company has not marked disclosed."""
    # Only transfers on the Disclosure UK route are owed there (routes.py, ADR 0021).
    owed = set(
        TransferOfValue.objects.filter(
            project=project,
            year__lt=_latest_overdue_year(today) + 1,
            recipient__org_type__in=DISCLOSURE_UK_TYPES,
        )
        .values_list("company_id", "year")
        .distinct()
    )
    marked = set(DisclosedYear.objects.filter(project=project).values_list("company_id", "year"))
    return tuple(sorted({year for company, year in owed - marked}))


def contracted_services_unpublished(project: Project, today: dt.date) -> tuple[str, ...]:
    """Contracted services to patient organisations whose value is due on the company's
    website (by the end of June the next year, our own choice) and not recorded there."""
    rows = (
        ContractedService.objects.filter(
            project=project,
            provider__org_type=OrgType.PATIENT_ORGANISATION,
            year__lte=_latest_overdue_year(today),
            published_on__isnull=True,
        )
        .select_related("provider", "company")
        .order_by("year", "provider__name")
    )
    return tuple(f"{r.provider.name}, {r.year} (paid by {r.company.name})" for r in rows)
