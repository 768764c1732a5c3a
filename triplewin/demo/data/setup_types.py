"""The shapes of the stage 2 demo content: registers of interests, teams, plans, meetings and
the PID, agreement and executive summary of a project in set-up.

Like `types`, these are plain frozen records naming people by email and organisations by key.
Dates that must not lie in the future (meetings held, actions due, signatures) are given
relative to the day the demo is loaded, so the demo reads the same whenever it is loaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from triplewin.core.signoff import BodyKind


@dataclass(frozen=True)
class Interest:
    """One entry on a person's register of interests."""

    email: str
    category: str
    interest_type: str
    description: str
    valid_from: dt.date
    # The demo organisation the interest relates to, or a typed name when it is not one.
    org: str = ""
    org_name: str = ""
    valid_to: dt.date | None = None
    action_taken: str = ""


@dataclass(frozen=True)
class TeamPlace:
    email: str
    org: str
    # A team.models.ProjectRole value.
    role: str


@dataclass(frozen=True)
class CommitteeSeat:
    org: str
    # A team.models.CommitteeRole value.
    committee_role: str
    email: str


@dataclass(frozen=True)
class TeamObjection:
    """A partner's objection to a member, and how it was decided."""

    member: str
    org: str
    raised_by: str
    reason: str
    decided_by: str
    # "upheld" or "dismissed".
    outcome: str
    outcome_reason: str


@dataclass(frozen=True)
class ManagedConflict:
    """How the chair decided a member's declared conflict is managed on one kind of decision."""

    member: str
    # A conflicts.models.DecisionKind value and a conflicts.models.Arrangement value.
    decision: str
    arrangement: str
    reason: str
    recorded_by: str


@dataclass(frozen=True)
class Brings:
    """One contribution a party records in set-up."""

    org: str
    # A contributions.models.Kind value.
    kind: str
    description: str
    value: int | None = None
    role: str = ""
    hours: int | None = None
    # An NHS post paid for by the company: always under NHS control, with an exit strategy.
    funded_post: bool = False
    exit_strategy: str = ""
    # For a funded post, the guidance's questions: what it adds beyond normal day-to-day
    # roles, and the precautions against using the money to retain staff. Employment law
    # compliance is confirmed for every funded post in the demo.
    beyond_normal_roles: str = ""
    retention_precautions: str = ""


PlanEntries = Mapping[str, tuple[Mapping[str, str | bool], ...]]


@dataclass(frozen=True)
class AgendaEntry:
    title: str
    # The partner whose matters the item discusses: conflicted members sit out its votes.
    relates_to: str = ""


@dataclass(frozen=True)
class Resolution:
    text: str
    # 1-based position of the agenda item it settles, or 0 for none.
    item: int = 0
    # Empty: agreed without a vote. Otherwise each voter's email and choice; conflicted members
    # are left out here because the service excludes them when the vote opens.
    votes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ActionItem:
    description: str
    owner: str
    due_in_days: int
    done: bool = False


@dataclass(frozen=True)
class MeetingSpec:
    title: str
    kind: str
    location: str
    # Who records the meeting: the chair, usually.
    recorded_by: str
    agenda: tuple[AgendaEntry, ...]
    # Days from the load day: 0 for a meeting held today, positive for one still to come.
    in_days: int = 0
    present: tuple[str, ...] = ()
    apologies: tuple[str, ...] = ()
    held: bool = False
    resolutions: tuple[Resolution, ...] = ()
    actions: tuple[ActionItem, ...] = ()
    notes: str = ""
    minutes_approved: bool = False


@dataclass(frozen=True)
class Approval:
    """One body's approval of the submitted PID: the team (org "") or a party's committee."""

    email: str
    org: str = ""

    @property
    def body(self) -> str:
        return BodyKind.GOVERNANCE_COMMITTEE if self.org else BodyKind.PROJECT_TEAM


@dataclass(frozen=True)
class PidSpec:
    fields: Mapping[str, str]
    # What each party (by organisation key) does if the project is terminated early.
    on_termination: Mapping[str, str]
    submitted_by: str = ""
    note: str = ""
    certified_by: str = ""
    approvals: tuple[Approval, ...] = ()


@dataclass(frozen=True)
class Signer:
    org: str
    name: str
    job_title: str


@dataclass(frozen=True)
class AgreementSpec:
    fields: Mapping[str, str | int | bool]
    parties: tuple[Signer, ...]
    # Every party signs on the load day, in this order; the last signature moves the project.
    signed: bool = True


@dataclass(frozen=True)
class SummarySpec:
    """Drafted from the approved PID, tidied by the lead, certified and published."""

    edits: Mapping[str, str]
    certified_by: str
    published_by: str


@dataclass(frozen=True)
class SetupSpec:
    """Stage 2 records for one demo project, created in this order through the services."""

    project: str
    # Who records the team, plans and documents: the lead organisation's partnership lead.
    recorded_by: str
    # The state the project must be in when its records are loaded, as a check on the gates.
    expect_state: str
    team: tuple[TeamPlace, ...] = ()
    committees: tuple[CommitteeSeat, ...] = ()
    objections: tuple[TeamObjection, ...] = ()
    conflicts: tuple[ManagedConflict, ...] = ()
    contributions: tuple[Brings, ...] = ()
    plans: PlanEntries = field(default_factory=dict)
    meetings: tuple[MeetingSpec, ...] = ()
    pid: PidSpec | None = None
    agreement: AgreementSpec | None = None
    summary: SummarySpec | None = None
