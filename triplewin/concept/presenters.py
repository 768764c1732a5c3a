"""Display logic for the concept framework and its approvals."""

from __future__ import annotations

from dataclasses import dataclass

from triplewin.concept.models import CONCEPT_FIELDS, ConceptFramework
from triplewin.concept.selectors import (
    FIELD_LABELS,
    approval_state,
    concept_snapshot,
    decided_on_current,
    decisions_of,
    missing_parts,
)
from triplewin.core.dates import long_date
from triplewin.partnerships.models import Project
from triplewin.signoff.models import SignOffAct


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
        latest: dict[int, SignOffAct] = {}
        for d in decisions_of(self.project):
            if d.organisation_id is not None:
                latest[d.organisation_id] = d
        return self._rows(latest)

    def _rows(self, latest: dict[int, SignOffAct]) -> list[PartnerDecision]:
        rows = []
        for partner in self.project.partners.all():
            name = partner.organisation.name
            d = latest.get(partner.organisation_id)
            if d is None:
                rows.append(PartnerDecision(name, "Waiting", "grey", "No decision yet."))
            elif not decided_on_current(d, self.snapshot):
                rows.append(
                    PartnerDecision(
                        name,
                        "Needs re-approval",
                        "orange",
                        f"{d.get_act_display()} an earlier version on {long_date(d.at)}.",
                    )
                )
            elif d.act == "reject":
                rows.append(
                    PartnerDecision(name, "Rejected", "red", f"{d.actor_label}: {d.reason}")
                )
            else:
                rows.append(
                    PartnerDecision(
                        name, "Approved", "green", f"By {d.actor_label} on {long_date(d.at)}."
                    )
                )
        return rows

    def history(self) -> list[SignOffAct]:
        return decisions_of(self.project)
