"""Display logic for transfers of value: amounts in pounds and the project's year tables."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from triplewin.config.filters import govuk_date
from triplewin.core.obligations import disclosure_deadline
from triplewin.organisations.models import Organisation
from triplewin.transfers.disclosure_uk import YearSummary
from triplewin.transfers.models import DisclosedYear, TransferOfValue
from triplewin.transfers.selectors import Totals


def money(value: Decimal | None) -> str:
    if value is None:
        return ""
    sign = "-" if value < 0 else ""
    return f"{sign}£{abs(value):,.2f}"


@dataclass(frozen=True)
class TotalsText:
    money: str
    benefits: str
    total: str


def totals_text(totals: Totals) -> TotalsText:
    return TotalsText(money(totals.money), money(totals.benefits), money(totals.total))


@dataclass(frozen=True)
class TransferRow:
    tov: TransferOfValue
    money: str
    benefits: str
    total: str
    frozen: bool

    @property
    def pk(self) -> int:
        return self.tov.pk


@dataclass(frozen=True)
class CompanyDisclosure:
    company: Organisation
    disclosed_on: str  # empty until marked
    can_mark: bool


@dataclass(frozen=True)
class YearGroup:
    year: int
    rows: list[TransferRow]
    totals: TotalsText
    deadline: str
    disclosures: list[CompanyDisclosure]


def project_years(
    transfers: Iterable[TransferOfValue],
    disclosed: Iterable[DisclosedYear],
    *,
    recording: Iterable[Organisation],
    today: dt.date,
) -> list[YearGroup]:
    """The project's transfers grouped by year, newest first, with each company's status."""
    marks = {(d.company_id, d.year): d for d in disclosed}
    mine = {o.pk for o in recording}
    by_year: dict[int, list[TransferOfValue]] = {}
    for tov in transfers:
        by_year.setdefault(tov.year, []).append(tov)
    groups = []
    for year in sorted(by_year, reverse=True):
        rows = by_year[year]
        companies = {t.company_id: t.company for t in rows}
        total = sum((Totals(t.amount_money, t.amount_benefits_in_kind) for t in rows), Totals())
        groups.append(
            YearGroup(
                year=year,
                rows=[
                    TransferRow(
                        tov=t,
                        money=money(t.amount_money),
                        benefits=money(t.amount_benefits_in_kind),
                        total=money(t.total),
                        frozen=(t.company_id, year) in marks,
                    )
                    for t in rows
                ],
                totals=totals_text(total),
                deadline=govuk_date(disclosure_deadline(year)),
                disclosures=[
                    CompanyDisclosure(
                        company=company,
                        disclosed_on=govuk_date(marks[(pk, year)].disclosed_on)
                        if (pk, year) in marks
                        else "",
                        can_mark=pk in mine and (pk, year) not in marks and year < today.year,
                    )
                    for pk, company in sorted(companies.items(), key=lambda c: c[1].name)
                ],
            )
        )
    return groups


@dataclass(frozen=True)
class YearFile:
    year: int
    rows: int
    total: str
    excluded_rows: int
    excluded_total: str


def year_files(years: Iterable[YearSummary]) -> list[YearFile]:
    return [
        YearFile(
            y.year, y.rows, money(y.totals.total), y.excluded_rows, money(y.excluded_totals.total)
        )
        for y in years
    ]
