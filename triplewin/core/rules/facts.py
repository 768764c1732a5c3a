"""The facts about one project that the rules read.

The Django side builds a ProjectFacts from the database; the rules never query anything.
A value of None means "no evidence recorded yet", which a rule treats as a failure at any
gate that needs that evidence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PartnerFact:
    name: str
    sector: str  # "nhs", "industry" or "other"
    is_legal_entity: bool
    is_pharmaceutical: bool = False


@dataclass(frozen=True)
class ProjectFacts:
    today: dt.date
    partners: tuple[PartnerFact, ...] = ()
    intended_type: str | None = None  # "cw" or "jw"
    checklist_answers: Mapping[str, str] = field(default_factory=dict)
    scoping_missing: tuple[str, ...] = ()
    scoping_started: bool = False
    concept_missing: tuple[str, ...] | None = None
    concept_pending_partners: tuple[str, ...] | None = None
    concept_rejected_by: tuple[str, ...] = ()
    concept_changed_since_approval: bool = False
    # Stage 2 evidence: None until the set-up records exist.
    team_sales_members: tuple[str, ...] | None = None
    team_undeclared_members: tuple[str, ...] | None = None
    team_size: int | None = None
    open_objections: tuple[str, ...] = ()
    parties_without_governance_committee: tuple[str, ...] | None = None
    plans_missing: tuple[str, ...] | None = None
    data_shared_not_anonymised: tuple[str, ...] = ()
    pid_missing_sections: tuple[str, ...] | None = None
    parties_without_contribution: tuple[str, ...] | None = None
    funded_posts_without_exit: tuple[str, ...] | None = None
    pid_certified: bool | None = None
    pid_approved: bool | None = None
    pid_changed_since_approval: bool = False
    agreement_unsigned_parties: tuple[str, ...] | None = None
    agreement_non_legal_parties: tuple[str, ...] = ()
    agreement_missing_clauses: tuple[str, ...] | None = None
    summary_certified: bool | None = None
    summary_published_on: dt.date | None = None
    # Stage 3 evidence.
    planned_start: dt.date | None = None
    actual_start: dt.date | None = None
    completed_on: dt.date | None = None
    outcomes_published_on: dt.date | None = None
    undisclosed_tov_years: tuple[int, ...] = ()

    @property
    def has_nhs_party(self) -> bool:
        return any(p.sector == "nhs" for p in self.partners)

    @property
    def has_pharmaceutical_party(self) -> bool:
        return any(p.is_pharmaceutical for p in self.partners)
