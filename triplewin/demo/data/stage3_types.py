"""The shapes of the stage 3 demo content: delivery logs, KPIs and their series, reporting,
transfers of value, amendments, completion, outcomes and the learning records.

Like `setup_types`, these are plain frozen records naming people by email and organisations by
key. Dates tied to a project's own fixed timeline are given as dates; dates that must stay
recent whatever day the demo is loaded (completion, publication) are given in days before the
load day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from triplewin.demo.data.setup_types import Approval


@dataclass(frozen=True)
class MilestoneSpec:
    title: str
    owner: str
    planned_on: dt.date
    # Left empty (or later than the load day) for a milestone not yet achieved.
    achieved_on: dt.date | None = None
    notes: str = ""


@dataclass(frozen=True)
class RiskSpec:
    description: str
    likelihood: int
    impact: int
    owner: str
    mitigation: str = ""
    # A delivery.models.RiskStatus value.
    status: str = "open"


@dataclass(frozen=True)
class IssueSpec:
    description: str
    raised_by: str
    raised_on: dt.date
    owner: str
    resolution: str = ""
    # A delivery.models.IssueStatus value.
    status: str = "open"


@dataclass(frozen=True)
class RagSpec:
    """A person's override of the computed RAG status, ending some days after the load day."""

    email: str
    rating: str
    reason: str
    ends_in_days: int | None = None


@dataclass(frozen=True)
class Series:
    """How a KPI's measurements are generated: a level before a change and a level after it.

    Values carry a small, repeatable wobble so the SPC chart looks like real data; a step
    from one level to the other after `change_on` is what makes a special-cause rule fire.
    Periods run from `first` to the last complete period before `last` (or the load day).
    """

    first: dt.date
    change_on: dt.date
    before: float
    after: float
    noise: float
    last: dt.date | None = None
    # Periods over which the level moves from `before` to `after`, rather than at once.
    ramp: int = 0
    places: int = 1
    # Per site (by site name): its share of the project's level. Empty: one project series.
    shares: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class KpiSpec:
    name: str
    # A kpis.models.Category value.
    category: str
    definition: str
    unit: str
    data_source: str
    # "weekly", "monthly", "quarterly" or "annual".
    frequency: str
    target_value: str
    target_date: dt.date
    # "up" or "down".
    direction: str
    owner: str
    series: Series
    baseline_value: str | None = None
    baseline_date: dt.date | None = None
    rollup: str = "sum"
    company_may_see: bool = True


@dataclass(frozen=True)
class Condition:
    kpi: str
    # A kpis.models.Comparison value.
    comparison: str
    threshold: str


@dataclass(frozen=True)
class CriterionSpec:
    name: str
    description: str
    conditions: tuple[Condition, ...]


@dataclass(frozen=True)
class ReportingSpec:
    """The agreed reporting schedule, and the progress reports shared so far.

    Reports are recorded for every due date that has passed except the last `leave_open`,
    which stay overdue so the deadlines pages have something to chase.
    """

    every_months: int
    recorded_by: str
    summaries: tuple[str, ...]
    leave_open: int = 1
    days_late: int = 3


@dataclass(frozen=True)
class Transfer:
    company: str
    recipient: str
    year: int
    category: str
    money: int = 0
    benefits: int = 0
    note: str = ""


@dataclass(frozen=True)
class Disclosure:
    company: str
    year: int
    disclosed_on: dt.date


@dataclass(frozen=True)
class TransfersSpec:
    # Who records each company's transfers: its partnership lead, by company key.
    recorded_by: Mapping[str, str]
    transfers: tuple[Transfer, ...]
    disclosures: tuple[Disclosure, ...] = ()


@dataclass(frozen=True)
class AmendmentSpec:
    title: str
    reason: str
    raised_by: str
    # PID field key (or planned date) -> what it should say.
    changes: Mapping[str, str]
    impact_timeline: str = ""
    impact_logistics: str = ""
    impact_money: str = ""
    changes_contract: bool = False
    contract_changes: str = ""
    submitted: bool = False
    certified_by: str = ""
    approvals: tuple[Approval, ...] = ()


@dataclass(frozen=True)
class OutcomesSpec:
    """The outcomes summary: drafted from the records, then written up by the partners."""

    written_by: str
    fields: Mapping[str, str]
    certified_by: str = ""
    approvals: tuple[Approval, ...] = ()
    # Empty: the summary stays a draft.
    published_by: str = ""


@dataclass(frozen=True)
class Assessment:
    """One person's scores against the nine principles, some days before the load day."""

    email: str
    days_ago: int
    scores: Mapping[str, int]
    comments: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class LearningSpec:
    recorded_by: str
    review: tuple[Mapping[str, str], ...] = ()
    # Respondent email -> answers; everyone on the team is invited, these people answer.
    responses: Mapping[str, Mapping[str, int | str]] = field(default_factory=dict)
    close_survey: bool = False
    assessments: tuple[Assessment, ...] = ()


@dataclass(frozen=True)
class Stage3Spec:
    """Stage 3 records for one demo project, created in this order through the services."""

    project: str
    recorded_by: str
    # Lifecycle steps imported with dates in days before the load day (a stalled project).
    history_days_ago: tuple[tuple[str, int], ...] = ()
    milestones: tuple[MilestoneSpec, ...] = ()
    risks: tuple[RiskSpec, ...] = ()
    issues: tuple[IssueSpec, ...] = ()
    rag: RagSpec | None = None
    sites: tuple[tuple[str, str], ...] = ()
    kpis: tuple[KpiSpec, ...] = ()
    criteria: tuple[CriterionSpec, ...] = ()
    reporting: ReportingSpec | None = None
    transfers: TransfersSpec | None = None
    amendments: tuple[AmendmentSpec, ...] = ()
    # The sustainability and handover plan, written before completion (SUSTAINABILITY-PLAN).
    sustainability: tuple[Mapping[str, str], ...] = ()
    # Days before the load day on which delivery ended; None leaves the project as it is.
    completed_days_ago: int | None = None
    outcomes: OutcomesSpec | None = None
    learning: LearningSpec | None = None
    # The state the project must be in once its records are loaded.
    expect_state: str = ""
