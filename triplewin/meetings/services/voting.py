"""Decisions at a meeting, and votes with conflicted members kept out (ADR 0013)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from triplewin.audit import services as audit
from triplewin.conflicts.decisions import ConflictRefused, assess_decision, check_decision
from triplewin.conflicts.models import DecisionKind
from triplewin.core import parity
from triplewin.meetings.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    Meeting,
    MeetingStatus,
    Outcome,
    Vote,
    VoteChoice,
    VoteExclusion,
    VoteStatus,
)
from triplewin.meetings.selectors import committee_rule
from triplewin.meetings.services._common import lock_meeting, touch
from triplewin.partnerships.models import Project
from triplewin.team.models import TeamMember
from triplewin.team.selectors import display_name

HELD = (MeetingStatus.HELD,)


def tally(choices: Counter[str]) -> Outcome:
    """A simple majority of the votes cast; abstentions do not count either way."""
    result = parity.tally(parity.DecisionRule.SIMPLE_MAJORITY, {"all": choices}, ())
    return Outcome(result.result.value)


def _party_tally(decision: Decision, project: Project) -> tuple[parity.Tally, str]:
    """The outcome under the committee's decision rule, and the rule in words.

    Each vote counts for the partner its member represents on the team.
    """
    in_force = committee_rule(project)
    votes: dict[str, Counter[str]] = {}
    for member_org, choice in decision.votes.values_list("member__organisation__name", "choice"):
        votes.setdefault(member_org, Counter())[choice] += 1
    parties = [p.organisation.name for p in project.partners.select_related("organisation")]
    result = parity.tally(in_force.rule, votes, parties, in_force.quorum)
    return result, in_force.text


def _decision_in(meeting: Meeting, decision: Decision) -> Decision:
    locked = (
        Decision.objects.select_for_update(of=("self",))
        .select_related("agenda_item__relates_to_organisation")
        .get(pk=decision.pk)
    )
    if locked.meeting_id != meeting.pk:
        raise ValidationError("That decision was not made at this meeting.")
    return locked


def _vote_by(member: TeamMember, meeting: Meeting, decision: Decision) -> dict[str, Any]:
    """What the conflict check needs about one member's vote.

    Every partner and product counts, unless the item is tagged with a partner, which narrows
    the check to that partner; interests count as they stood on the day of the meeting.
    """
    item = decision.agenda_item
    tagged = item.relates_to_organisation if item is not None else None
    return {
        "person": member.user,
        "project": meeting.project,
        "decision": DecisionKind.VOTE,
        "organisations": [tagged] if tagged is not None else None,
        "on": meeting.scheduled_for,
    }


def _present_ids(meeting: Meeting) -> set[int]:
    return set(
        Attendance.objects.filter(meeting=meeting, status=AttendanceStatus.PRESENT).values_list(
            "member_id", flat=True
        )
    )


@transaction.atomic
def decision_record(
    *,
    actor: User,
    meeting: Meeting,
    text: str,
    agenda_item: AgendaItem | None = None,
    is_vote: bool = False,
) -> Decision:
    """Record a decision. One agreed without a vote is settled at once; a vote is opened later."""
    locked = lock_meeting(meeting, statuses=HELD)
    if not text.strip():
        raise ValidationError({"text": "Write down what was decided."})
    if agenda_item is not None and agenda_item.meeting_id != locked.pk:
        raise ValidationError({"agenda_item": "Choose an item from this meeting's agenda."})
    decision = Decision(
        meeting=locked,
        agenda_item=agenda_item,
        text=text.strip(),
        is_vote=is_vote,
        vote_status=VoteStatus.NOT_OPENED if is_vote else "",
        outcome=Outcome.PENDING if is_vote else Outcome.AGREED,
    )
    decision.full_clean()
    decision.save()
    touch(locked)
    audit.record(
        actor=actor,
        action="meeting.decision_recorded",
        obj=decision,
        project_id=locked.project_id,
        changes={
            "text": [None, decision.text],
            "agenda_item": [None, str(agenda_item) if agenda_item else None],
            "is_vote": [None, is_vote],
        },
    )
    return decision


@transaction.atomic
def vote_open(*, actor: User, meeting: Meeting, decision: Decision) -> list[VoteExclusion]:
    """Open the vote, first excluding every present member who may not take part in it.

    Every partner and product of the project counts unless the item is tagged with a partner,
    which narrows the check to that partner; a tag never switches the check off.
    """
    locked = lock_meeting(meeting, statuses=HELD)
    current = _decision_in(locked, decision)
    if not current.is_vote:
        raise ValidationError("This decision was agreed without a vote.")
    if current.vote_status != VoteStatus.NOT_OPENED:
        raise ValidationError("The vote on this decision has already been opened.")
    exclusions = []
    present = TeamMember.objects.filter(pk__in=_present_ids(locked)).select_related("user")
    for member in present.order_by("pk"):
        check = assess_decision(**_vote_by(member, locked, current))
        if check.may_decide:
            continue
        cause = (*check.kept_out_by, *check.unmanaged)
        exclusions.append(
            VoteExclusion.objects.create(
                decision=current,
                member=member,
                declaration=cause[0].declaration if cause else None,
                conflict_management=cause[0].management if cause else None,
                reason=check.exclusion_reason,
            )
        )
    current.vote_status = VoteStatus.OPEN
    current.save(update_fields=["vote_status"])
    touch(locked)
    audit.record(
        actor=actor,
        action="meeting.vote_opened",
        obj=current,
        project_id=locked.project_id,
        changes={
            "vote_status": [VoteStatus.NOT_OPENED.value, VoteStatus.OPEN.value],
            "excluded": [None, [display_name(e.member.user) for e in exclusions]],
        },
    )
    return exclusions


@transaction.atomic
def vote_exclude(
    *, actor: User, meeting: Meeting, decision: Decision, member: TeamMember, reason: str
) -> VoteExclusion:
    """Keep a member out of a vote for a reason declared at the meeting itself."""
    locked = lock_meeting(meeting, statuses=HELD)
    current = _decision_in(locked, decision)
    if not current.is_vote or current.vote_status == VoteStatus.CLOSED:
        raise ValidationError("Members can only be excluded from a vote that has not closed.")
    name = display_name(member.user)
    if member.pk not in _present_ids(locked):
        raise ValidationError({"member": f"{name} was not at this meeting."})
    if current.exclusions.filter(member=member).exists():
        raise ValidationError({"member": f"{name} is already excluded from this vote."})
    if current.votes.filter(member=member).exists():
        raise ValidationError({"member": f"{name} has already voted on this decision."})
    if not reason.strip():
        raise ValidationError({"reason": "Give the reason; it appears in the minutes."})
    exclusion = VoteExclusion.objects.create(decision=current, member=member, reason=reason.strip())
    touch(locked)
    audit.record(
        actor=actor,
        action="meeting.vote_exclusion",
        obj=exclusion,
        project_id=locked.project_id,
        changes={"member": [None, name], "reason": [None, exclusion.reason]},
    )
    return exclusion


@transaction.atomic
def vote_record(
    *, actor: User, meeting: Meeting, decision: Decision, member: TeamMember, choice: str
) -> Vote:
    """Record one member's vote. Conflicted, absent and already-voted members are refused."""
    locked = lock_meeting(meeting, statuses=HELD)
    current = _decision_in(locked, decision)
    if not current.is_vote or current.vote_status != VoteStatus.OPEN:
        raise ValidationError("Voting on this decision is not open.")
    if member.project_id != locked.project_id:
        raise ValidationError({"member": "That person is not on this project's team."})
    name = display_name(member.user)
    excluded = current.exclusions.filter(member=member).first()
    if excluded is not None:
        raise ValidationError(
            {
                "member": f"{name} cannot vote on this decision because they are excluded: "
                f"{excluded.reason} Members with a conflict of interest do not vote on related "
                "matters; the exclusion is recorded in the minutes."
            }
        )
    if member.pk not in _present_ids(locked):
        raise ValidationError(
            {"member": f"{name} was not recorded as present at this meeting, so cannot vote."}
        )
    if current.votes.filter(member=member).exists():
        raise ValidationError({"member": f"{name} has already voted on this decision."})
    if choice not in VoteChoice.values:
        raise ValidationError({"choice": "Choose for, against or abstain."})
    try:
        check = check_decision(**_vote_by(member, locked, current), actor=actor)
    except ConflictRefused as refused:
        raise ValidationError({"member": refused.messages}) from refused
    vote = Vote.objects.create(
        decision=current,
        member=member,
        choice=choice,
        conflict_management=next(iter(check.managements), None),
    )
    touch(locked)
    audit.record(
        actor=actor,
        action="meeting.vote_recorded",
        obj=vote,
        project_id=locked.project_id,
        changes={"member": [None, name], "choice": [None, choice], **check.audit_changes()},
    )
    return vote


@transaction.atomic
def vote_close(*, actor: User, meeting: Meeting, decision: Decision) -> Decision:
    locked = lock_meeting(meeting, statuses=HELD)
    current = _decision_in(locked, decision)
    if not current.is_vote or current.vote_status != VoteStatus.OPEN:
        raise ValidationError("Voting on this decision is not open.")
    counts = Counter(current.votes.values_list("choice", flat=True))
    if not counts:
        raise ValidationError("No votes have been recorded, so the vote cannot close.")
    result, rule_text = _party_tally(current, locked.project)
    current.vote_status = VoteStatus.CLOSED
    current.outcome = Outcome(result.result.value)
    current.outcome_reason = result.reason
    current.decision_rule = rule_text
    current.save(update_fields=["vote_status", "outcome", "outcome_reason", "decision_rule"])
    touch(locked)
    audit.record(
        actor=actor,
        action="meeting.vote_closed",
        obj=current,
        project_id=locked.project_id,
        changes={
            "vote_status": [VoteStatus.OPEN.value, VoteStatus.CLOSED.value],
            "outcome": [None, current.outcome],
            "counts": [None, dict(counts)],
            "decision_rule": [None, rule_text],
            "outcome_reason": [None, result.reason or None],
        },
    )
    return current


@dataclass(frozen=True)
class KeptOut:
    member: TeamMember
    reason: str


def vote_roll(meeting: Meeting, decision: Decision) -> tuple[list[TeamMember], list[KeptOut]]:
    """Who still has a vote to record, and who is kept out of it and why; changes nothing.

    Before the vote opens, the members that opening it would exclude are shown as excluded,
    from the same conflict check `vote_open` makes, so the table of votes offers only those who
    may vote.
    """
    present = list(
        TeamMember.objects.filter(pk__in=_present_ids(meeting))
        .select_related("user", "organisation")
        .order_by("pk")
    )
    reasons = dict(decision.exclusions.values_list("member_id", "reason"))
    if decision.vote_status == VoteStatus.NOT_OPENED:
        for member in present:
            if member.pk in reasons:
                continue
            check = assess_decision(**_vote_by(member, meeting, decision))
            if not check.may_decide:
                reasons[member.pk] = check.exclusion_reason
    voted = set(decision.votes.values_list("member_id", flat=True))
    voters = [m for m in present if m.pk not in reasons and m.pk not in voted]
    excluded = [KeptOut(m, reasons[m.pk]) for m in present if m.pk in reasons]
    return voters, excluded


def _field(member: TeamMember) -> str:
    return f"member_{member.pk}"


@transaction.atomic
def votes_record(
    *, actor: User, meeting: Meeting, decision: Decision, choices: Mapping[TeamMember, str]
) -> Decision:
    """Record every member's vote from one table and close the vote, opening it first if needed.

    Each step is the one above (`vote_open`, `vote_record`, `vote_close`), each audited as
    before; if any vote is refused nothing is kept. Errors name the member's field, `member_<pk>`.
    """
    locked = lock_meeting(meeting, statuses=HELD)
    current = _decision_in(locked, decision)
    if not current.is_vote:
        raise ValidationError("This decision was agreed without a vote.")
    if current.vote_status == VoteStatus.CLOSED:
        raise ValidationError("The vote on this decision has already closed.")
    if current.vote_status == VoteStatus.NOT_OPENED:
        vote_open(actor=actor, meeting=locked, decision=current)
        current.refresh_from_db()
    voters, _ = vote_roll(locked, current)
    chosen = {member.pk for member in choices}
    missing = {
        _field(m): f"Say how {display_name(m.user)} voted." for m in voters if m.pk not in chosen
    }
    if missing:
        raise ValidationError(missing)
    for member, choice in choices.items():
        try:
            vote_record(actor=actor, meeting=locked, decision=current, member=member, choice=choice)
        except ValidationError as refused:
            raise ValidationError({_field(member): refused.messages}) from refused
    return vote_close(actor=actor, meeting=locked, decision=current)
