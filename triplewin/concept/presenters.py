"""Display logic for the concept framework and its approvals."""

from __future__ import annotations

from dataclasses import dataclass

from triplewin.concept.models import CONCEPT_FIELDS, ConceptDecision, ConceptFramework
from triplewin.concept.selectors import (
    FIELD_LABELS,
    approval_state,
    concept_snapshot,
    decided_on_current,
    missing_parts,
)
from triplewin.core.dates import long_date
from triplewin.partnerships.models import Project


@dataclass(frozen=True)
class Row:
    label: str
    value: str


@dataclass(frozen=True)
class PartnerDecision:
    organisation: str
    status: str
    tag_colour: str
    detail: str


class ConceptPresenter:
    def __init__(self, project: Project, concept: ConceptFramework | None) -> None:
        self.project = project
        self.concept = concept
        self.approvals = approval_state(project, concept)
        self.snapshot = concept_snapshot(project, concept)
        self.missing = missing_parts(project, concept)

    @property
    def exists(self) -> bool:
        return self.concept is not None

    @property
    def current_hash(self) -> str:
        return self.approvals.current_hash

    @property
    def short_hash(self) -> str:
        return self.current_hash[:12]

    def rows(self) -> list[Row]:
        if self.concept is None:
            return []
        rows = []
        for name in CONCEPT_FIELDS:
            value = getattr(self.concept, name)
            if name == "start_quarter" and value:
                value = f"Quarter {value}"
            rows.append(Row(FIELD_LABELS[name], "" if value is None else str(value)))
        return rows

    def contributions(self) -> list[Row]:
        if self.concept is None:
            return []
        found = {
            c.organisation_id: c for c in self.concept.contributions.select_related("organisation")
        }
        rows = []
        for partner in self.project.partners.all():
            c = found.get(partner.organisation_id)
            text = c.description if c else ""
            if c and c.estimated_value is not None:
                text = f"{text} (estimated £{c.estimated_value:,.0f})"
            rows.append(Row(partner.organisation.name, text))
        return rows

    def decisions(self) -> list[PartnerDecision]:
        latest: dict[str, ConceptDecision] = {}
        for d in ConceptDecision.objects.filter(project=self.project).select_related(
            "organisation"
        ):
            latest[d.organisation.name] = d
        return self._rows(latest)

    def _rows(self, latest: dict[str, ConceptDecision]) -> list[PartnerDecision]:
        rows = []
        for partner in self.project.partners.all():
            name = partner.organisation.name
            d = latest.get(name)
            if d is None:
                rows.append(PartnerDecision(name, "Waiting", "grey", "No decision yet."))
            elif not decided_on_current(d, self.snapshot):
                rows.append(
                    PartnerDecision(
                        name,
                        "Needs re-approval",
                        "orange",
                        f"{d.get_decision_display()}d an earlier version on {long_date(d.at)}.",
                    )
                )
            elif d.decision == "reject":
                rows.append(
                    PartnerDecision(name, "Rejected", "red", f"{d.decided_by_label}: {d.reason}")
                )
            else:
                rows.append(
                    PartnerDecision(
                        name, "Approved", "green", f"By {d.decided_by_label} on {long_date(d.at)}."
                    )
                )
        return rows

    def history(self) -> list[ConceptDecision]:
        return list(
            ConceptDecision.objects.filter(project=self.project).select_related("organisation")
        )
