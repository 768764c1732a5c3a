"""The oversight dashboard as data: every table (shown and exported) and every chart.

A chart and the table beside it are built from the same rows, so the picture and the
numbers cannot disagree, and the CSV/XLSX exports are those same tables.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.urls import reverse

from triplewin.config.filters import govuk_date
from triplewin.core.lifecycle import STATES
from triplewin.core.overrun import Overrun
from triplewin.delivery.overruns import overruns_for
from triplewin.organisations.models import Organisation
from triplewin.oversight import charts
from triplewin.oversight.selectors import (
    Overdue,
    StageGroup,
    Stalled,
    by_stage,
    overdue,
    stalled,
    state_counts,
    system_projects,
    value_flows,
)
from triplewin.partnerships.models import Project
from triplewin.transfers.presenters import money
from triplewin.transfers.selectors import Totals
from triplewin.transfers.tabular import Sheet

# The organisation chart shows the largest recipients; the table beside it lists them all.
CHART_ORGANISATIONS = 15


@dataclass(frozen=True)
class Cell:
    text: str
    href: str = ""
    numeric: bool = False


@dataclass(frozen=True)
class Table:
    slug: str
    caption: str
    header: tuple[str, ...]
    values: list[list[Any]]  # what the exports hold: numbers stay numbers
    cells: list[list[Cell]]  # what the page shows
    numeric: frozenset[int] = field(default_factory=frozenset)

    def sheet(self) -> Sheet:
        return Sheet(self.caption, self.header, self.values)


def _project_cell(project: Project) -> Cell:
    return Cell(project.title, reverse("partnerships:detail", args=[project.pk]))


def _partners(project: Project) -> str:
    return ", ".join(p.organisation.name for p in project.partners.all())


def _cell(value: Any, *, numeric: bool) -> Cell:
    if isinstance(value, Cell):
        return value
    if isinstance(value, Decimal):
        return Cell(money(value), numeric=numeric)
    if isinstance(value, dt.date):
        return Cell(govuk_date(value), numeric=numeric)
    return Cell(str(value), numeric=numeric)


def _table(
    slug: str, caption: str, header: tuple[str, ...], rows: list[list[Any]], numeric: set[int]
) -> Table:
    cells = [[_cell(v, numeric=index in numeric) for index, v in enumerate(row)] for row in rows]
    values = [[v.text if isinstance(v, Cell) else v for v in row] for row in rows]
    return Table(slug, caption, header, values, cells, frozenset(numeric))


@dataclass
class Dashboard:
    system: Organisation
    systems: list[Organisation]
    today: dt.date
    days: int
    projects: list[Project]
    stages: list[StageGroup]
    stalled: list[Stalled]
    overdue: list[Overdue]
    flows: list[dict[str, Any]]
    overruns: list[tuple[Project, Overrun]] = field(default_factory=list)

    @property
    def value_total(self) -> str:
        return money(sum((f["totals"] for f in self.flows), Totals()).total)

    def status_table(self) -> Table:
        rows: list[list[Any]] = [
            [STATES[state].stage.value, STATES[state].label, count]
            for state, count in state_counts(self.projects)
        ]
        return _table(
            "status", "Partnerships by status", ("Stage", "Status", "Partnerships"), rows, {2}
        )

    def partnerships_table(self) -> Table:
        rows: list[list[Any]] = [
            [
                group.stage.value,
                STATES[p.state_enum].label,
                _project_cell(p),
                _partners(p),
                p.get_intended_type_display() or "Not stated",
                p.therapy_area,
            ]
            for group in self.stages
            for p in group.projects
        ]
        header = ("Stage", "Status", "Project", "Partners", "Type", "Therapy area")
        return _table("partnerships", "Every partnership in the system", header, rows, set())

    def stalled_table(self) -> Table:
        rows: list[list[Any]] = [
            [
                _project_cell(s.project),
                STATES[s.project.state_enum].label,
                s.last_activity,
                s.what,
                s.days,
            ]
            for s in self.stalled
        ]
        header = ("Project", "Status", "Last activity", "Kind of activity", "Days quiet")
        caption = f"Partnerships with no step or meeting for {self.days} days or more"
        return _table("stalled", caption, header, rows, {4})

    def overdue_table(self) -> Table:
        rows: list[list[Any]] = [
            [_project_cell(o.project), o.obligation.title, o.obligation.due_on, o.days]
            for o in self.overdue
        ]
        header = ("Project", "Obligation", "Was due", "Days overdue")
        return _table("overdue", "Overdue obligations", header, rows, {3})

    def overrun_table(self) -> Table:
        rows: list[list[Any]] = [
            [_project_cell(p), o.what, o.since, o.days, "Yes" if o.pending else "No"]
            for p, o in self.overruns
        ]
        header = (
            "Project",
            "Past its",
            "Was due to end",
            "Days over",
            "Amendment awaiting sign-off",
        )
        caption = "Partnerships in delivery past their planned end or term without an amendment"
        return _table("overruns", caption, header, rows, {3})

    def value_table(self) -> Table:
        rows: list[list[Any]] = [
            [
                f["recipient__name"],
                f["year"],
                f["company__name"],
                f["totals"].money,
                f["totals"].benefits,
                f["totals"].total,
            ]
            for f in self.flows
        ]
        header = ("Organisation", "Year", "Company", "Money", "Benefits in kind", "Total")
        caption = "Transfers of value to organisations in the system, by year and company"
        return _table("value", caption, header, rows, {3, 4, 5})

    def _by(self, key: str) -> dict[Any, Totals]:
        found: dict[Any, Totals] = {}
        for f in self.flows:
            found[f[key]] = found.get(f[key], Totals()) + f["totals"]
        return found

    def value_by_year_table(self) -> Table:
        rows: list[list[Any]] = [
            [year, t.money, t.benefits, t.total] for year, t in sorted(self._by("year").items())
        ]
        header = ("Year", "Money", "Benefits in kind", "Total")
        return _table("value-by-year", "Transfers of value by year", header, rows, {1, 2, 3})

    def value_by_organisation_table(self) -> Table:
        totals = sorted(self._by("recipient__name").items(), key=lambda i: (-i[1].total, i[0]))
        rows: list[list[Any]] = [[name, t.money, t.benefits, t.total] for name, t in totals]
        header = ("Organisation", "Money", "Benefits in kind", "Total")
        caption = "Transfers of value by receiving organisation, all years"
        return _table("value-by-organisation", caption, header, rows, {1, 2, 3})

    def tables(self) -> dict[str, Table]:
        built = [
            self.status_table(),
            self.partnerships_table(),
            self.stalled_table(),
            self.overdue_table(),
            self.overrun_table(),
            self.value_by_year_table(),
            self.value_by_organisation_table(),
            self.value_table(),
        ]
        return {t.slug: t for t in built}

    def status_chart(self) -> charts.Chart:
        items = [(STATES[s].label, n, str(n)) for s, n in state_counts(self.projects)]
        text = "; ".join(f"{label}: {n}" for label, n, _ in items) or "no partnerships"
        return charts.horizontal(
            id="chart-status",
            title="Partnerships by status",
            description=f"Bar chart of the system's partnerships by status. {text}.",
            items=items,
        )

    def value_by_year_chart(self) -> charts.Chart:
        items = [(str(y), t.total, money(t.total)) for y, t in sorted(self._by("year").items())]
        text = "; ".join(f"{label}: {shown}" for label, _, shown in items)
        return charts.vertical(
            id="chart-value-year",
            title="Transfers of value by year",
            description=f"Column chart of the total transferred to organisations in the system each year. {text}.",
            items=items,
        )

    def value_by_organisation_chart(self) -> charts.Chart:
        totals = sorted(self._by("recipient__name").items(), key=lambda i: (-i[1].total, i[0]))
        items = [(name, t.total, money(t.total)) for name, t in totals[:CHART_ORGANISATIONS]]
        text = "; ".join(f"{label}: {shown}" for label, _, shown in items)
        return charts.horizontal(
            id="chart-value-org",
            title="Transfers of value by receiving organisation",
            description=f"Bar chart of the largest recipients, all years. {text}.",
            items=items,
        )


def build(
    *, system: Organisation, systems: list[Organisation], today: dt.date, days: int
) -> Dashboard:
    scope = system_projects(system)
    projects = list(scope.order_by("title", "pk"))
    found = overruns_for(projects, today)
    overran = [(p, o) for p in projects if (o := found[p.pk]) is not None]
    return Dashboard(
        system=system,
        systems=systems,
        today=today,
        days=days,
        projects=projects,
        stages=by_stage(projects),
        stalled=stalled(projects, today, days),
        overdue=overdue(projects, today),
        flows=value_flows(system, scope),
        overruns=sorted(overran, key=lambda item: (-item[1].days, item[0].title)),
    )
