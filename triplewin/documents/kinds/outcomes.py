"""The Summary of Project Outcomes, read from its app, which certifies, approves and publishes."""

from __future__ import annotations

from decimal import Decimal

from triplewin.core.documents import catalogue
from triplewin.core.documents.definitions import Filled, Row, build
from triplewin.documents.kinds.base import Decided, Kind, Snapshot
from triplewin.documents.kinds.engine import decided_by_engine
from triplewin.organisations.models import Organisation
from triplewin.outcomes.drafting import success_criteria
from triplewin.outcomes.models import OutcomesSummary
from triplewin.outcomes.selectors import DOCUMENT, SUBJECT, TEXT_FIELDS, kpi_results, summary_hash
from triplewin.partnerships.models import Project
from triplewin.plans.selectors import evaluation_lines
from triplewin.transfers.models import Category, TransferOfValue
from triplewin.transfers.selectors import grouped

KPI_PARTS = (
    ("category", "Category"),
    ("baseline", "Baseline"),
    ("latest", "Latest result"),
    ("target", "Target"),
    ("met", "Target met"),
)


def _kpi_text(row: dict[str, str]) -> str:
    return "\n".join(f"{label}: {row[key]}" for key, label in KPI_PARTS if row.get(key))


def _pounds(value: Decimal) -> str:
    return f"£{value:,.2f}"


def transfer_rows(project: Project) -> list[Row]:
    """One row per year, company and recipient: money, benefits in kind and their total."""
    transfers = TransferOfValue.objects.filter(project=project)
    names = dict(
        Organisation.objects.filter(
            pk__in={*transfers.values_list("company_id", flat=True)}
            | {*transfers.values_list("recipient_id", flat=True)}
        ).values_list("pk", "name")
    )
    rows: list[Row] = []
    for group in grouped(transfers, "year", "company_id", "recipient_id", "category"):
        totals = group["totals"]
        company, recipient = names[group["company_id"]], names[group["recipient_id"]]
        category = str(dict(Category.choices).get(group["category"], group["category"]))
        rows.append(
            (
                f"transfer-{group['year']}-{group['company_id']}-{group['recipient_id']}-"
                f"{group['category']}",
                f"{group['year']}: {company} to {recipient}",
                f"{category}\nMoney: {_pounds(totals.money)}\n"
                f"Benefits in kind: {_pounds(totals.benefits)}\n"
                f"Total: {_pounds(totals.total)}",
            )
        )
    return rows


class OutcomesKind(Kind):
    definition = catalogue.OUTCOMES
    owner_url_name = "outcomes:detail"

    def current(self, project: Project, subject: str) -> Snapshot:
        summary = OutcomesSummary.objects.filter(project=project).first()
        text = {name: getattr(summary, name) if summary else "" for name in TEXT_FIELDS}
        # From the evaluation plan, which is fixed once delivery starts, before any summary.
        text["evaluator"] = "\n".join(evaluation_lines(project))
        values: dict[str, Filled] = {
            spec.key: {f.key: text.get(f.key, "") for f in spec.fields}
            for spec in self.definition.sections
        }
        # What the summary's page shows beside the text: the PID's success criteria, the KPI
        # results (shared KPIs only, through the visibility engine: ADR 0014) and the transfers.
        values["criteria"] = [
            (f"criterion-{i}", label, value)
            for i, (label, value) in enumerate(success_criteria(project), start=1)
        ]
        values["kpis"] = [
            (f"kpi-{row.get('name', i)}", row.get("name", "KPI"), _kpi_text(row))
            for i, row in enumerate(kpi_results(project) or [], start=1)
        ]
        values["transfers"] = transfer_rows(project)
        document = build(self.definition, project=project.title, values=values)
        return Snapshot(document, summary_hash(summary) if summary else "")

    def signed_off(self, project: Project, subject: str) -> list[Snapshot]:
        summary = OutcomesSummary.objects.filter(project=project).first()
        if summary is None or self._decided(project, summary, summary_hash(summary)) is None:
            return []
        return [self.current(project, subject)]

    def _decided(
        self, project: Project, summary: OutcomesSummary, source_hash: str
    ) -> Decided | None:
        if not source_hash or summary_hash(summary) != source_hash:
            return None
        return decided_by_engine(project, DOCUMENT, SUBJECT, source_hash)

    def status_of(
        self, project: Project, subject: str, source_hash: str, content_hash: str
    ) -> Decided | None:
        summary = OutcomesSummary.objects.filter(project=project).first()
        return self._decided(project, summary, source_hash) if summary else None
