"""The shapes of the demo content: plain, frozen records that the loader turns into services calls.

Organisations and people are referred to by short keys and email addresses so that the
content modules read like a table and never touch the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from triplewin.core import checklist


@dataclass(frozen=True)
class Org:
    key: str
    name: str
    org_type: str
    ods_code: str = ""
    is_legal_entity: bool = True
    # The key of the integrated care board whose area the organisation is in.
    system: str = ""
    region: str = ""
    website: str = ""


@dataclass(frozen=True)
class Seat:
    """One membership: a role held at one organisation."""

    org: str
    role: str
    job_title: str = ""
    function: str = ""


@dataclass(frozen=True)
class Person:
    email: str
    first_name: str
    last_name: str
    seats: tuple[Seat, ...]
    # What this person can try in the demo, in one line, for `manage.py demo_sign_ins`.
    can_do: str = ""
    superuser: bool = False
    # Featured people are the named sign-ins that tests and the README rely on.
    featured: bool = False

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class Summary:
    """An executive summary as the partners certified and published it."""

    rationale: str
    objectives: str
    benefits_patients: str
    benefits_nhs: str
    benefits_industry: str
    period: str
    financial_arrangements: str
    publication_plans: str
    contacts: str
    roles: str
    certified_on: dt.date
    published_on: dt.date

    def text_fields(self) -> dict[str, str]:
        return {
            "rationale": self.rationale,
            "objectives": self.objectives,
            "benefits_patients": self.benefits_patients,
            "benefits_nhs": self.benefits_nhs,
            "benefits_industry": self.benefits_industry,
            "period": self.period,
            "financial_arrangements": self.financial_arrangements,
            "publication_plans": self.publication_plans,
            "contacts": self.contacts,
            "roles": self.roles,
        }


@dataclass(frozen=True)
class Contribution:
    org: str
    description: str
    # Pounds, whole; None when the partners have not put a value on it.
    value: int | None = None


@dataclass(frozen=True)
class Decision:
    """One partner's approval of the concept, given by a named person."""

    email: str
    org: str
    reason: str = ""
    # Failing risk rules accepted with this decision: rule id -> reason.
    risk_reasons: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Concept:
    key_stakeholders: str
    purpose_background: str
    objectives: str
    benefit_patients: str
    benefit_nhs: str
    benefit_industry: str
    start_year: int
    start_quarter: int
    duration_months: int
    contributions: tuple[Contribution, ...]
    decisions: tuple[Decision, ...] = ()
    # Stated openly under the benefits to industry (issue 13 item 1).
    expected_prescribing_effect: str = ""

    def fields(self) -> dict[str, str | int]:
        return {
            "key_stakeholders": self.key_stakeholders,
            "purpose_background": self.purpose_background,
            "objectives": self.objectives,
            "benefit_patients": self.benefit_patients,
            "benefit_nhs": self.benefit_nhs,
            "benefit_industry": self.benefit_industry,
            "expected_prescribing_effect": self.expected_prescribing_effect,
            "start_year": self.start_year,
            "start_quarter": self.start_quarter,
            "duration_months": self.duration_months,
        }


@dataclass(frozen=True)
class Step:
    """A live lifecycle step taken through the gates by a named person."""

    name: str
    email: str
    reason: str = ""


IMPORT_REASON = "Imported from the partners' public records."
IMPORT_REASON_FICTIONAL = (
    "Recorded from the signed agreement and the published summary when the partners moved "
    "this project onto Triple Win."
)


@dataclass(frozen=True)
class ProjectSpec:
    key: str
    title: str
    summary: str
    origin_setting: str
    therapy_area: str
    # "cw", "jw", or "" when the public record does not say.
    intended_type: str
    involves_medicines: bool
    proposed_by: str
    lead_org: str
    partner_orgs: tuple[str, ...]
    # The person who records the project: a partnership lead at the lead organisation.
    created_by: str
    planned_start: dt.date | None = None
    planned_end: dt.date | None = None
    actual_start: dt.date | None = None
    actual_end: dt.date | None = None
    # True when the public record gives no exact dates, so the ones here are estimates.
    dates_approximate: bool = False
    fictional: bool = False
    # Medicines or products the project concerns; declared interests naming them conflict.
    products_concerned: tuple[str, ...] = ()
    # Order of loading: opening steps, scoping and checklist, concept and decisions,
    # closing steps, executive summary, then the imported history.
    opening_steps: tuple[Step, ...] = ()
    scoping: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    checklist: Mapping[str, str] = field(default_factory=dict)
    concept: Concept | None = None
    closing_steps: tuple[Step, ...] = ()
    executive_summary: Summary | None = None
    history: tuple[str, ...] = ()
    history_reason: str = IMPORT_REASON
    # Headline results in the partners' own reporting, kept for the outcomes summary.
    outcomes: tuple[str, ...] = ()
    # System-level projects: the ICB leads involved and the medicines committee's decision,
    # as the fields of team.services.system_route_save (recorded before the concept decisions).
    system_route: Mapping[str, Any] | None = None


# Paths along the lifecycle for projects whose earlier steps happened outside Triple Win.
TO_SUMMARY_PUBLISHED = (
    "start_scoping",
    "approve_concept",
    "start_setup",
    "approve_pid",
    "sign_agreement",
    "publish_summary",
)
TO_IN_DELIVERY = (*TO_SUMMARY_PUBLISHED, "start_delivery")
TO_COMPLETED = (*TO_IN_DELIVERY, "complete")
TO_OUTCOMES_PUBLISHED = (*TO_COMPLETED, "publish_outcomes")


def checklist_answers(kind: str, **overrides: str) -> dict[str, str]:
    """Every red and amber question answered yes for the given type, then any overrides.

    Joint working answers the direct patient benefit question yes and measures patient
    outcomes; collaborative working whose main gain is to the NHS answers the direct benefit
    question no and the wider benefit question yes, and need not measure patient outcomes.
    """
    yes, no = checklist.Answer.YES.value, checklist.Answer.NO.value
    answers = {q.id: yes for q in checklist.QUESTIONS if q.applies is checklist.Applies.BOTH}
    if kind == "jw":
        answers["benefit_patients_direct"] = yes
        answers["patient_outcomes_measured"] = yes
    else:
        answers["benefit_patients_direct"] = no
        answers["benefit_patients_or_nhs"] = yes
    answers.update(overrides)
    return answers
