"""What the public may see of a published partnership, and nothing more.

The entry exposes the published summary's text, the partners' names, the public project
fields (setting, therapy area, type, status and dates), yearly totals of transfers of value,
the obligations line and, once published, the summary of outcomes with its KPI results. Its
title is the one the executive summary was certified and published with, not the project's
working title. It never exposes internal fields such as the "idea in brief", notes on
transfers, or anything from the working records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse

from triplewin.config.filters import govuk_date
from triplewin.core.lifecycle import STATES
from triplewin.core.obligations import Kind, Obligation, Status
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.organisations.models import Sector
from triplewin.outcomes.models import OutcomesSummary
from triplewin.outcomes.presenters import PublicOutcomes, Row
from triplewin.partnerships.models import Project
from triplewin.transfers.presenters import money
from triplewin.transfers.selectors import Totals

SUMMARY_ROWS = (
    ("Rationale", "rationale"),
    ("Objectives", "objectives"),
    ("Benefits to patients", "benefits_patients"),
    ("Benefits to the NHS", "benefits_nhs"),
    ("Benefits to industry", "benefits_industry"),
    ("Period", "period"),
    ("Financial arrangements", "financial_arrangements"),
    ("Publication plans", "publication_plans"),
    ("Accountable contacts", "contacts"),
    ("Roles and responsibilities", "roles"),
)


@dataclass(frozen=True)
class PublicPartner:
    """What the register shows of a partner: its name, sector and role, nothing else."""

    organisation_id: int
    name: str
    sector: Sector
    role: str


@dataclass(frozen=True)
class Line:
    """One part of the obligations line, flagged when something is overdue or late."""

    label: str
    text: str
    flag: str = ""  # "", "Overdue" or "Late"


@dataclass(frozen=True)
class YearTotal:
    year: int
    money: str
    benefits: str
    total: str
    total_value: Decimal


@dataclass(frozen=True)
class KpiResult:
    """One KPI's result against its baseline and target, as the outcomes summary words it.

    Baseline, latest and target carry their unit and the date or period they belong to.
    """

    name: str
    category: str
    unit: str
    baseline: str
    latest: str
    target: str
    met: str

    @classmethod
    def from_row(cls, row: dict[str, str]) -> KpiResult:
        return cls(**{name: row.get(name, "") for name in KPI_RESULT_FIELDS})

    def as_text(self) -> str:
        unit = f" ({self.unit})" if self.unit else ""
        return (
            f"{self.name}{unit}: baseline {self.baseline}; latest {self.latest}; "
            f"target {self.target}; {self.met}"
        )


KPI_RESULT_FIELDS = ("name", "category", "unit", "baseline", "latest", "target", "met")


class PublishedOutcomes:
    """The published summary of outcomes on the register: its text, KPI results and PDF."""

    def __init__(
        self,
        *,
        project_id: int,
        summary: OutcomesSummary,
        kpi_results: Sequence[KpiResult],
        as_published: bool = True,
    ) -> None:
        self.project_id = project_id
        self.summary = summary
        self.kpi_results = list(kpi_results)
        # The results come from the version frozen at publication; False for a summary
        # imported from a published record, whose results are the KPIs as they stand.
        self.as_published = as_published

    @property
    def published_on(self) -> dt.date | None:
        return self.summary.published_on

    def rows(self) -> list[Row]:
        return PublicOutcomes(self.summary).rows()

    @property
    def pdf_path(self) -> str:
        return reverse("register:outcomes-pdf", args=[self.project_id])


class RegisterEntry:
    def __init__(
        self,
        *,
        project: Project,
        summary: ExecutiveSummary,
        partners: Sequence[PublicPartner],
        tov_by_year: dict[int, Totals],
        obligations: Sequence[Obligation],
        today: dt.date,
        outcomes: PublishedOutcomes | None = None,
    ) -> None:
        self.project = project
        self.summary = summary
        self._partners = partners
        self._tov = tov_by_year
        self._obligations = obligations
        self.today = today
        self.outcomes = outcomes

    @property
    def pk(self) -> int:
        return self.project.pk

    @property
    def title(self) -> str:
        """The title as certified and published in the executive summary.

        The project's own title is a working record its partners may edit; what the public
        reads is what the signatory certified. A summary recorded without a title (one
        imported from a published record elsewhere) falls back to the project's.
        """
        return self.summary.title.strip() or self.project.title

    @property
    def status(self) -> str:
        return STATES[self.project.state_enum].label

    @property
    def stage(self) -> str:
        return STATES[self.project.state_enum].stage.value

    @property
    def partners(self) -> list[str]:
        return [p.name for p in self._partners]

    def partner_links(self) -> list[tuple[int, str, str]]:
        return [(p.organisation_id, p.name, p.role) for p in self._partners]

    @property
    def companies(self) -> list[str]:
        return [p.name for p in self._partners if p.sector is Sector.INDUSTRY]

    @property
    def nhs_partners(self) -> list[str]:
        return [p.name for p in self._partners if p.sector is Sector.NHS]

    @property
    def type_label(self) -> str:
        return self.project.get_intended_type_display() or "Not stated"

    @property
    def setting(self) -> str:
        return self.project.get_origin_setting_display()

    @property
    def therapy_area(self) -> str:
        return self.project.therapy_area

    @property
    def published_on(self) -> dt.date | None:
        return self.summary.published_on

    @property
    def start(self) -> dt.date | None:
        return self.project.actual_start or self.project.planned_start

    @property
    def end(self) -> dt.date | None:
        return self.project.actual_end or self.project.planned_end

    @property
    def period(self) -> str:
        start, end = self.start, self.end
        planned = "" if self.project.actual_start else " (planned)"
        if start and end:
            return f"{govuk_date(start)} to {govuk_date(end)}{planned}"
        if start:
            return f"From {govuk_date(start)}{planned}"
        return self.summary.period or "Not stated"

    def rows(self) -> list[tuple[str, str]]:
        return [
            (label, value) for label, name in SUMMARY_ROWS if (value := getattr(self.summary, name))
        ]

    def years(self) -> list[YearTotal]:
        return [
            YearTotal(year, money(t.money), money(t.benefits), money(t.total), t.total)
            for year, t in sorted(self._tov.items())
        ]

    @property
    def tov_total(self) -> Totals:
        return sum(self._tov.values(), Totals())

    @property
    def tov_total_text(self) -> str:
        return money(self.tov_total.total) if self._tov else ""

    def of_kind(self, kind: Kind) -> list[Obligation]:
        return [o for o in self._obligations if o.kind is kind]

    def summary_line(self) -> Line:
        published = govuk_date(self.summary.published_on)
        found = self.of_kind(Kind.SUMMARY)
        ob = found[0] if found else None
        if ob is None or ob.due_on is None:
            return Line(
                "Summary published before start", f"Published {published}; no start date yet"
            )
        start = govuk_date(ob.due_on)
        if ob.status is Status.MET_LATE:
            return Line(
                "Summary published before start",
                f"No: published {published}, after the start on {start}",
                "Late",
            )
        return Line(
            "Summary published before start",
            f"Yes: published {published}, before the start on {start}",
        )

    def outcomes_line(self) -> Line:
        found = self.of_kind(Kind.OUTCOMES)
        ob = found[0] if found else None
        label = "Outcomes"
        if ob is None or ob.due_on is None:
            return Line(label, "Due within six months of the end of delivery")
        due = govuk_date(ob.due_on)
        met = govuk_date(ob.met_on)
        return {
            Status.MET: Line(label, f"Published {met}"),
            Status.MET_LATE: Line(label, f"Published {met}, after the {due} deadline", "Late"),
            Status.OVERDUE: Line(label, f"Due by {due}, not yet published", "Overdue"),
        }.get(ob.status, Line(label, f"Due by {due}"))

    def disclosure_line(self) -> Line:
        label = "Transfers of value disclosed"
        found = self.of_kind(Kind.DISCLOSURE)
        if not found:
            return Line(label, "No transfers of value recorded")
        overdue = [o for o in found if o.status is Status.OVERDUE]
        due = [o for o in found if o.status in (Status.DUE, Status.NOT_YET_DUE)]
        parts = [f"{o.year} overdue (due {govuk_date(o.due_on)})" for o in overdue]
        parts += [f"{o.year} due by {govuk_date(o.due_on)}" for o in due]
        done = [str(o.year) for o in found if o.status in (Status.MET, Status.MET_LATE)]
        if done:
            parts.append("disclosed for " + ", ".join(done))
        text = "; ".join(parts)
        return Line(label, text[0].upper() + text[1:], "Overdue" if overdue else "")

    def obligation_lines(self) -> list[Line]:
        return [self.summary_line(), self.outcomes_line(), self.disclosure_line()]

    @property
    def has_overdue(self) -> bool:
        return any(o.status is Status.OVERDUE for o in self._obligations)


@dataclass(frozen=True)
class FlowRow:
    """Transfers of value between one company and one organisation in one year."""

    year: int
    name: str
    organisation_id: int
    money: str
    benefits: str
    total: str


def flow_rows(groups: Sequence[dict[str, object]], *, name: str, pk: str) -> list[FlowRow]:
    rows = []
    for g in groups:
        totals = g["totals"]
        assert isinstance(totals, Totals)
        rows.append(
            FlowRow(
                year=int(str(g["year"])),
                name=str(g[name]),
                organisation_id=int(str(g[pk])),
                money=money(totals.money),
                benefits=money(totals.benefits),
                total=money(totals.total),
            )
        )
    return rows


def grand_total(groups: Sequence[dict[str, object]]) -> str:
    total = Totals()
    for g in groups:
        totals = g["totals"]
        assert isinstance(totals, Totals)
        total = total + totals
    return money(total.total) if groups else ""
