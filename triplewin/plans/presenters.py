"""Display logic for the plans overview and the data-sharing warning."""

from __future__ import annotations

from dataclasses import dataclass

from triplewin.partnerships.models import Project
from triplewin.plans.models import DataItem, PlanEntry
from triplewin.plans.registry import PLANS, PlanSpec
from triplewin.plans.selectors import data_shared_not_anonymised, plans_missing
from triplewin.plans.services import EDITABLE_IN, editable_states

COMPANY_DATA_WARNING = (
    "A company partner would see data that is not both anonymised and aggregated. You can save "
    "the plan, but the PID cannot be approved until every item a company sees is both."
)


def company_data_warning(entry: PlanEntry | None) -> str:
    """The warning to show beside one data item, or '' when it is safe."""
    if isinstance(entry, DataItem) and entry.company_sees_identifiable:
        return COMPANY_DATA_WARNING
    return ""


@dataclass(frozen=True)
class EntryRow:
    pk: int
    cells: tuple[str, ...]
    label: str
    warning: str


@dataclass(frozen=True)
class PlanSection:
    slug: str
    name: str
    purpose: str
    entry_noun: str
    columns: tuple[str, ...]
    rows: tuple[EntryRow, ...]
    editable: bool


def _section(spec: PlanSpec, project: Project) -> PlanSection:
    columns = tuple(spec.describe(spec.model()).keys())
    rows = []
    for entry in spec.entries(project):
        cells = spec.describe(entry)
        rows.append(
            EntryRow(
                pk=entry.pk,
                cells=tuple(cells[c] for c in columns),
                label=str(entry),
                warning=company_data_warning(entry),
            )
        )
    return PlanSection(
        spec.slug,
        spec.name,
        spec.purpose,
        spec.entry_noun,
        columns,
        tuple(rows),
        project.state_enum in editable_states(spec),
    )


class PlansPresenter:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.sections = [_section(spec, project) for spec in PLANS]
        self.missing = plans_missing(project)
        self.unsafe_data = data_shared_not_anonymised(project)

    @property
    def editable(self) -> bool:
        return self.project.state_enum in EDITABLE_IN
