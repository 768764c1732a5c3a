"""The facts about one project that the rules read.

The Django side builds a ProjectFacts from the database; the rules never query anything.
A value of None means "no evidence recorded yet", which a rule treats as a failure at any
gate that needs that evidence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from triplewin.core.checklist import Parties


@dataclass(frozen=True)
class PartnerFact:
    name: str
    sector: str  # "nhs", "industry" or "other"
    is_legal_entity: bool
    is_pharmaceutical: bool = False
    # NHS bodies and healthcare providers outside the NHS (independent sector providers).
    is_healthcare: bool = False
    # Patient organisations may be contracted to deliver a service, never be partners.
    is_patient_organisation: bool = False


@dataclass(frozen=True)
class ProjectFacts:
    today: dt.date
    partners: tuple[PartnerFact, ...] = ()
    intended_type: str | None = None  # "cw" or "jw"
    checklist_answers: Mapping[str, str] = field(default_factory=dict)
    # A project imported past concept approval (ADR 0002) whose checklist was answered before
    # Triple Win: its answers live in the partners' own records, and the checklist cannot be
    # edited after set-up, so later gates do not ask for answers no one can give here.
    checklist_kept_elsewhere: bool = False
    scoping_missing: tuple[str, ...] = ()
    scoping_started: bool = False
    # The day scoping began (the first step into scoping, dated as it happened, imported
    # steps included); the anticipated start quarter from the concept, as (year, quarter).
    scoping_started_on: dt.date | None = None
    concept_start_quarter: tuple[int, int] | None = None
    concept_missing: tuple[str, ...] | None = None
    concept_pending_partners: tuple[str, ...] | None = None
    concept_rejected_by: tuple[str, ...] = ()
    concept_changed_since_approval: bool = False
    # Stage 2 evidence: None until the set-up records exist.
    team_sales_members: tuple[str, ...] | None = None
    team_undeclared_members: tuple[str, ...] | None = None
    team_size: int | None = None
    # Partners with nobody on the project team; None until the team has any member.
    partners_not_on_team: tuple[str, ...] | None = None
    open_objections: tuple[str, ...] = ()
    parties_without_governance_committee: tuple[str, ...] | None = None
    plans_missing: tuple[str, ...] | None = None
    data_shared_not_anonymised: tuple[str, ...] = ()
    pid_missing_sections: tuple[str, ...] | None = None
    # Each partner whose contribution is not significant, with the reason; None until any
    # contribution is recorded.
    parties_without_significant_contribution: tuple[str, ...] | None = None
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
    # The day delivery ended, by completion or early termination (core.outcomes); the
    # six-month outcomes clock runs from it either way.
    ended_on: dt.date | None = None
    terminated: bool = False
    outcomes_published_on: dt.date | None = None
    undisclosed_tov_years: tuple[int, ...] = ()
    # Publication on the partners' own websites (ADR 0021): the industry partners with no
    # live page recorded for each summary, and contracted services to patient organisations
    # whose value is not yet published on the company's website once it is due.
    companies_without_summary_page: tuple[str, ...] = ()
    companies_without_outcomes_page: tuple[str, ...] = ()
    contracted_services_unpublished: tuple[str, ...] = ()
    # Safeguards (issue 13, items 11, 12, 15 and 16). Each names what fails, with the reason;
    # None means there is nothing to compare yet (no agreement or no signed-off PID) or, for
    # the sustainability plan, that none has been written.
    agreement_pid_mismatches: tuple[str, ...] | None = None
    data_flows_ungoverned: tuple[str, ...] = ()
    data_flows_without_dpia: tuple[str, ...] = ()
    digital_tools_without_safety: tuple[str, ...] = ()
    funded_posts_without_safeguards: tuple[str, ...] = ()
    sustainability_missing: tuple[str, ...] | None = None
    # Continuity and governance make-up (ADR 0019): partners without a named lead, each
    # company whose committee lacks a legal or a medical or compliance seat (None until any
    # committee seat is named), and the system-level route (None until it is recorded).
    partners_without_named_lead: tuple[str, ...] = ()
    company_committees_missing_seats: tuple[str, ...] | None = None
    is_system_level: bool = False
    system_route_missing: tuple[str, ...] | None = None
    system_route_not_supported: str = ""

    @property
    def has_nhs_party(self) -> bool:
        return any(p.sector == "nhs" for p in self.partners)

    @property
    def has_pharmaceutical_party(self) -> bool:
        return any(p.is_pharmaceutical for p in self.partners)

    @property
    def parties(self) -> Parties:
        return parties_of(self.partners)


def parties_of(partners: tuple[PartnerFact, ...]) -> Parties:
    """The kinds of organisation among the partners, as the checklist's verdict reads them."""
    return Parties(
        nhs=any(p.sector == "nhs" for p in partners),
        healthcare=any(p.sector == "nhs" or p.is_healthcare for p in partners),
        pharmaceutical=any(p.is_pharmaceutical for p in partners),
    )
