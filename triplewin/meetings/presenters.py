"""Display logic for meetings, their minutes, and the action log."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from django.utils import timezone

from triplewin.conflicts.decisions import management_text
from triplewin.core.dates import long_date
from triplewin.meetings.models import (
    Action,
    ActionStatus,
    Decision,
    Meeting,
    MeetingStatus,
    VoteChoice,
    VoteStatus,
)
from triplewin.meetings.selectors import committee_rule
from triplewin.meetings.services.voting import KeptOut
from triplewin.team.models import TeamMember
from triplewin.team.selectors import display_name

STATUS_COLOURS = {
    MeetingStatus.PLANNED: "grey",
    MeetingStatus.HELD: "blue",
    MeetingStatus.MINUTES_APPROVED: "green",
}


def status_tag(meeting: Meeting) -> dict[str, str]:
    colour = STATUS_COLOURS[MeetingStatus(meeting.status)]
    return {"text": meeting.get_status_display(), "classes": f"nhsuk-tag--{colour}"}


@dataclass(frozen=True)
class AgendaRow:
    pk: int
    number: int
    title: str
    relates_to: str
    has_decisions: bool


@dataclass(frozen=True)
class AttendeeRow:
    member_pk: int
    name: str
    organisation: str
    status: str


@dataclass(frozen=True)
class DeclarationRow:
    person: str
    organisation: str
    text: str
    # How the project manages the conflict, as recorded when the meeting was held.
    managed: str = ""


@dataclass(frozen=True)
class Excluded:
    name: str
    reason: str


@dataclass(frozen=True)
class ManagedVote:
    """A member who voted despite a declared interest, because the chair recorded they may."""

    name: str
    text: str


@dataclass(frozen=True)
class DecisionRow:
    pk: int
    text: str
    agenda_item: str
    is_vote: bool
    vote_status: str
    outcome: str
    counts: str
    exclusions: tuple[Excluded, ...]
    votes: tuple[tuple[str, str], ...]
    managed_votes: tuple[ManagedVote, ...] = ()
    # The committee's decision rule (as it stood when the vote closed) and, when a vote the
    # majority supported was not carried because a party did not agree, why.
    decision_rule: str = ""
    outcome_reason: str = ""

    @property
    def can_open(self) -> bool:
        return self.is_vote and self.vote_status == VoteStatus.NOT_OPENED

    @property
    def is_open(self) -> bool:
        return self.is_vote and self.vote_status == VoteStatus.OPEN


@dataclass(frozen=True)
class ActionRow:
    pk: int
    description: str
    owner: str
    due_on: dt.date
    status_tag: dict[str, str]
    is_open: bool
    meeting: str
    can_close: bool = False


def action_rows(
    actions: list[Action], today: dt.date, closer: Callable[[Action], bool] | None = None
) -> list[ActionRow]:
    """Rows for the actions table; `closer` says who is offered "Done" on an open action."""
    rows = []
    for a in actions:
        if a.status == ActionStatus.DONE:
            tag = {"text": "Done", "classes": "nhsuk-tag--green"}
            if a.completed_on:
                tag["text"] = f"Done {a.completed_on.day} {a.completed_on:%b %Y}"
        elif a.due_on < today:
            tag = {"text": "Overdue", "classes": "nhsuk-tag--red"}
        else:
            tag = {"text": "Open", "classes": "nhsuk-tag--blue"}
        rows.append(
            ActionRow(
                a.pk,
                a.description,
                display_name(a.owner),
                a.due_on,
                tag,
                a.status == ActionStatus.OPEN,
                a.meeting.title if a.meeting else "",
                a.status == ActionStatus.OPEN and closer is not None and closer(a),
            )
        )
    return rows


def _outcome(decision: Decision) -> str:
    if not decision.is_vote:
        return "Agreed without a vote"
    if decision.vote_status == VoteStatus.NOT_OPENED:
        return "To be put to a vote"
    if decision.vote_status == VoteStatus.OPEN:
        return "Vote in progress"
    return decision.get_outcome_display()


def _rule_text(decision: Decision) -> str:
    if not decision.is_vote:
        return ""
    if decision.vote_status == VoteStatus.CLOSED:
        return decision.decision_rule
    return committee_rule(decision.meeting.project).text


def decision_row(decision: Decision) -> DecisionRow:
    votes = list(decision.votes.select_related("member__user", "conflict_management__person"))
    counts = Counter(v.choice for v in votes)
    count_text = ""
    if decision.is_vote and decision.vote_status != VoteStatus.NOT_OPENED:
        count_text = (
            f"For {counts[VoteChoice.FOR]}, against {counts[VoteChoice.AGAINST]}, "
            f"abstained {counts[VoteChoice.ABSTAIN]}"
        )
    exclusions = tuple(
        Excluded(display_name(e.member.user), e.reason)
        for e in decision.exclusions.select_related("member__user").order_by("id")
    )
    item = decision.agenda_item
    return DecisionRow(
        pk=decision.pk,
        text=decision.text,
        agenda_item=item.title if item else "",
        is_vote=decision.is_vote,
        vote_status=decision.vote_status,
        outcome=_outcome(decision),
        counts=count_text,
        exclusions=exclusions,
        votes=tuple((display_name(v.member.user), v.get_choice_display()) for v in votes),
        managed_votes=tuple(
            ManagedVote(display_name(v.member.user), management_text(v.conflict_management))
            for v in votes
            if v.conflict_management is not None
        ),
        decision_rule=_rule_text(decision),
        outcome_reason=decision.outcome_reason,
    )


def to_be_excluded(decision: Decision, kept_out: list[KeptOut]) -> tuple[Excluded, ...]:
    """Before a vote opens: the members recording it will exclude because of an interest."""
    if decision.vote_status != VoteStatus.NOT_OPENED:
        return ()
    already = set(decision.exclusions.values_list("member_id", flat=True))
    return tuple(
        Excluded(display_name(k.member.user), k.reason)
        for k in kept_out
        if k.member.pk not in already
    )


class MeetingPresenter:
    """Everything the meeting page and the minutes show, composed in one place."""

    def __init__(self, meeting: Meeting, today: dt.date | None = None) -> None:
        self.meeting = meeting
        self.today = today or timezone.localdate()
        self.status_tag = status_tag(meeting)

    @property
    def is_planned(self) -> bool:
        return self.meeting.status == MeetingStatus.PLANNED

    @property
    def is_held(self) -> bool:
        return self.meeting.status == MeetingStatus.HELD

    @property
    def is_approved(self) -> bool:
        return self.meeting.status == MeetingStatus.MINUTES_APPROVED

    @cached_property
    def agenda(self) -> list[AgendaRow]:
        items = self.meeting.agenda_items.select_related("relates_to_organisation")
        return [
            AgendaRow(
                i.pk,
                number,
                i.title,
                i.relates_to_organisation.name if i.relates_to_organisation else "",
                i.decisions.exists(),
            )
            for number, i in enumerate(items, start=1)
        ]

    @cached_property
    def attendance(self) -> list[AttendeeRow]:
        """Recorded attendance, plus any current member not recorded yet (planned meetings)."""
        recorded = {
            a.member_id: a
            for a in self.meeting.attendance.select_related("member__user", "member__organisation")
        }
        rows = [
            AttendeeRow(
                a.member_id,
                display_name(a.member.user),
                a.member.organisation.name,
                a.get_status_display(),
            )
            for a in recorded.values()
        ]
        if self.is_planned:
            for m in (
                TeamMember.objects.active()
                .filter(project_id=self.meeting.project_id)
                .select_related("user", "organisation")
            ):
                if m.pk not in recorded:
                    rows.append(
                        AttendeeRow(m.pk, display_name(m.user), m.organisation.name, "Not recorded")
                    )
        return sorted(rows, key=lambda r: (r.organisation, r.name))

    def attendance_group(self, status: str) -> list[AttendeeRow]:
        return [r for r in self.attendance if r.status == status]

    @cached_property
    def declarations(self) -> list[DeclarationRow]:
        return [
            DeclarationRow(d.person_name, d.organisation_name, d.text, d.managed)
            for d in self.meeting.declarations.all()
        ]

    @cached_property
    def decisions(self) -> list[DecisionRow]:
        return [
            decision_row(d)
            for d in self.meeting.decisions.select_related("agenda_item").order_by(
                "recorded_at", "id"
            )
        ]

    @cached_property
    def actions(self) -> list[ActionRow]:
        return action_rows(
            list(self.meeting.actions.select_related("owner", "meeting")), self.today
        )

    @property
    def approved_text(self) -> str:
        m = self.meeting
        if not self.is_approved or m.minutes_approved_at is None:
            return ""
        by = display_name(m.minutes_approved_by) if m.minutes_approved_by else "someone"
        day = timezone.localdate(m.minutes_approved_at)
        return f"Approved by {by} on {long_date(day)}."
