"""Decisions and votes: conflicted members are excluded, and only those present vote."""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from triplewin.audit.models import AuditEvent, ImmutableRecord
from triplewin.conflicts import decisions, services
from triplewin.conflicts.models import Arrangement, DecisionKind
from triplewin.conflicts.tests import checks
from triplewin.meetings.models import Outcome, Vote, VoteExclusion
from triplewin.meetings.services import schedule, voting
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("choices", "outcome"),
    [
        ({"for": 2, "against": 1}, Outcome.CARRIED),
        ({"for": 1, "against": 2}, Outcome.NOT_CARRIED),
        ({"for": 1, "against": 1, "abstain": 3}, Outcome.TIED),
        ({"abstain": 2}, Outcome.TIED),
    ],
)
def test_tally(choices, outcome):
    assert voting.tally(Counter(choices)) is outcome


def _hold_and_open(meeting, members, nhs_lead, item=None):
    """Both members present, the meeting held, and a vote on `item` (or none) opened."""
    schedule.attendance_record(
        actor=nhs_lead,
        meeting=meeting,
        expected_version=None,
        statuses={members["nhs"].pk: "present", members["industry"].pk: "present"},
    )
    schedule.meeting_mark_held(actor=nhs_lead, meeting=meeting, expected_version=None)
    decision = voting.decision_record(
        actor=nhs_lead, meeting=meeting, text="Extend the clinics", agenda_item=item, is_vote=True
    )
    exclusions = voting.vote_open(actor=nhs_lead, meeting=meeting, decision=decision)
    return decision, exclusions


def test_decisions_wait_for_the_meeting(meeting, nhs_lead):
    with pytest.raises(ValidationError, match="not been marked as held"):
        voting.decision_record(actor=nhs_lead, meeting=meeting, text="Too soon")


def test_a_decision_without_a_vote_is_agreed(held, nhs_lead):
    decision = voting.decision_record(actor=nhs_lead, meeting=held, text="Approve the plan")
    assert decision.outcome == Outcome.AGREED
    assert AuditEvent.objects.get(action="meeting.decision_recorded").changes["text"] == [
        None,
        "Approve the plan",
    ]
    with pytest.raises(ValidationError, match="without a vote"):
        voting.vote_open(actor=nhs_lead, meeting=held, decision=decision)


def test_a_decision_names_an_item_of_its_own_meeting(held, team, nhs_lead):
    other = schedule.meeting_create(
        actor=nhs_lead, project=team, title="Other", kind="other", scheduled_for=held.scheduled_for
    )
    item = schedule.agenda_item_add(
        actor=nhs_lead, meeting=other, expected_version=None, title="Elsewhere"
    )
    with pytest.raises(ValidationError) as error:
        voting.decision_record(actor=nhs_lead, meeting=held, text="X", agenda_item=item)
    assert "agenda_item" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        voting.decision_record(actor=nhs_lead, meeting=held, text="  ")
    assert "text" in error.value.message_dict


def test_opening_a_vote_excludes_conflicted_members(vote, members):
    exclusion = VoteExclusion.objects.get(decision=vote)
    assert exclusion.member == members["nhs"]
    assert exclusion.declaration is not None
    assert exclusion.reason.startswith("Declared interest: Financial interest")
    assert "relating to Test Pharma Ltd" in exclusion.reason
    assert "Shares in the company" in exclusion.reason
    event = AuditEvent.objects.get(action="meeting.vote_opened")
    assert event.changes["excluded"] == [None, ["Nhs Tester"]]


def test_recording_a_vote_for_an_excluded_member_is_refused(vote, members, industry_lead):
    with pytest.raises(ValidationError) as error:
        voting.vote_record(
            actor=industry_lead,
            meeting=vote.meeting,
            decision=vote,
            member=members["nhs"],
            choice="for",
        )
    message = error.value.message_dict["member"][0]
    assert message.startswith("Nhs Tester cannot vote on this decision because they are excluded")
    assert "conflict of interest" in message
    assert not Vote.objects.exists()
    assert not AuditEvent.objects.filter(action="meeting.vote_recorded").exists()


def test_a_present_member_without_a_conflict_votes(vote, members, nhs_lead):
    def cast(choice):
        return voting.vote_record(
            actor=nhs_lead,
            meeting=vote.meeting,
            decision=vote,
            member=members["industry"],
            choice=choice,
        )

    with pytest.raises(ValidationError) as error:
        cast("maybe")
    assert "choice" in error.value.message_dict
    recorded = cast("for")
    assert AuditEvent.objects.get(action="meeting.vote_recorded").changes["choice"] == [None, "for"]
    with pytest.raises(ImmutableRecord):
        recorded.save()
    with pytest.raises(ValidationError, match="already voted"):
        cast("against")
    assert Vote.objects.get().choice == "for"


def test_only_members_present_vote(team, meeting, members, nhs_lead, pharma_org):
    item = schedule.agenda_item_add(
        actor=nhs_lead, meeting=meeting, expected_version=None, title="General"
    )
    schedule.attendance_record(
        actor=nhs_lead,
        meeting=meeting,
        expected_version=None,
        statuses={members["nhs"].pk: "present", members["industry"].pk: "apologies"},
    )
    schedule.meeting_mark_held(actor=nhs_lead, meeting=meeting, expected_version=None)
    decision = voting.decision_record(
        actor=nhs_lead, meeting=meeting, text="Extend", agenda_item=item, is_vote=True
    )
    voting.vote_open(actor=nhs_lead, meeting=meeting, decision=decision)
    with pytest.raises(ValidationError) as error:
        voting.vote_record(
            actor=nhs_lead,
            meeting=meeting,
            decision=decision,
            member=members["industry"],
            choice="for",
        )
    assert "not recorded as present" in error.value.message_dict["member"][0]


def test_absent_conflicted_members_are_not_excluded(meeting, members, nhs_lead, pharma_org):
    builders.declare(nhs_lead, pharma_org)
    item = schedule.agenda_item_add(
        actor=nhs_lead,
        meeting=meeting,
        expected_version=None,
        title="Company item",
        relates_to_organisation=pharma_org,
    )
    schedule.attendance_record(
        actor=nhs_lead,
        meeting=meeting,
        expected_version=None,
        statuses={members["nhs"].pk: "absent", members["industry"].pk: "present"},
    )
    schedule.meeting_mark_held(actor=nhs_lead, meeting=meeting, expected_version=None)
    decision = voting.decision_record(
        actor=nhs_lead, meeting=meeting, text="X", agenda_item=item, is_vote=True
    )
    assert voting.vote_open(actor=nhs_lead, meeting=meeting, decision=decision) == []


def test_an_untagged_item_still_excludes_members_conflicted_about_any_partner(
    held, members, nhs_lead
):
    decision = voting.decision_record(
        actor=nhs_lead,
        meeting=held,
        text="Next meeting in May",
        agenda_item=held.agenda_items.get(order=2),
        is_vote=True,
    )
    [exclusion] = voting.vote_open(actor=nhs_lead, meeting=held, decision=decision)
    assert exclusion.member == members["nhs"]
    assert "relates to Test Pharma Ltd, a partner in this project" in exclusion.reason
    with pytest.raises(ValidationError, match="already been opened"):
        voting.vote_open(actor=nhs_lead, meeting=held, decision=decision)


def test_tagging_an_item_narrows_the_check_to_that_partner(
    meeting, members, nhs_lead, nhs_org, pharma_org
):
    builders.declare(nhs_lead, pharma_org)
    item = schedule.agenda_item_add(
        actor=nhs_lead,
        meeting=meeting,
        expected_version=None,
        title="The trust's clinic rota",
        relates_to_organisation=nhs_org,
    )
    decision, exclusions = _hold_and_open(meeting, members, nhs_lead, item=item)
    assert exclusions == []
    voting.vote_record(
        actor=nhs_lead, meeting=meeting, decision=decision, member=members["nhs"], choice="for"
    )
    assert Vote.objects.get().member == members["nhs"]


def test_votes_are_refused_before_opening_and_after_closing(held, members, nhs_lead):
    decision = voting.decision_record(actor=nhs_lead, meeting=held, text="Y", is_vote=True)
    with pytest.raises(ValidationError, match="not open"):
        voting.vote_record(
            actor=nhs_lead, meeting=held, decision=decision, member=members["nhs"], choice="for"
        )
    voting.vote_open(actor=nhs_lead, meeting=held, decision=decision)
    with pytest.raises(ValidationError, match="No votes have been recorded"):
        voting.vote_close(actor=nhs_lead, meeting=held, decision=decision)
    voting.vote_record(
        actor=nhs_lead,
        meeting=held,
        decision=decision,
        member=members["industry"],
        choice="against",
    )
    closed = voting.vote_close(actor=nhs_lead, meeting=held, decision=decision)
    assert closed.outcome == Outcome.NOT_CARRIED
    assert AuditEvent.objects.get(action="meeting.vote_closed").changes["counts"] == [
        None,
        {"against": 1},
    ]
    with pytest.raises(ValidationError, match="not open"):
        voting.vote_record(
            actor=nhs_lead, meeting=held, decision=decision, member=members["nhs"], choice="for"
        )


def test_manual_exclusion(vote, members, nhs_lead):
    with pytest.raises(ValidationError, match="already excluded"):
        voting.vote_exclude(
            actor=nhs_lead, meeting=vote.meeting, decision=vote, member=members["nhs"], reason="x"
        )
    with pytest.raises(ValidationError) as error:
        voting.vote_exclude(
            actor=nhs_lead,
            meeting=vote.meeting,
            decision=vote,
            member=members["industry"],
            reason="",
        )
    assert "reason" in error.value.message_dict
    exclusion = voting.vote_exclude(
        actor=nhs_lead,
        meeting=vote.meeting,
        decision=vote,
        member=members["industry"],
        reason="Declared at the meeting: spouse works for the company",
    )
    assert exclusion.declaration is None
    assert AuditEvent.objects.filter(action="meeting.vote_exclusion").count() == 1
    with pytest.raises(ValidationError, match="excluded"):
        voting.vote_record(
            actor=nhs_lead,
            meeting=vote.meeting,
            decision=vote,
            member=members["industry"],
            choice="for",
        )


# How the chair manages a member's conflict decides whether they vote (ADR 0013).


@pytest.fixture
def product_meeting(team, meeting, members, nhs_lead, industry_lead):
    """The company's lead has declared paid talks on a medicine the project concerns."""
    checks.concern_product(team, nhs_lead)
    checks.declare_interest(industry_lead)
    return meeting


def test_a_member_whose_conflict_is_managed_votes_with_the_record_named(
    client_for, product_meeting, members, nhs_lead, industry_lead
):
    record = checks.manage(
        product_meeting.project, by=nhs_lead, person=industry_lead, decision=DecisionKind.VOTE
    )
    decision, exclusions = _hold_and_open(product_meeting, members, nhs_lead)
    assert exclusions == []
    vote = voting.vote_record(
        actor=nhs_lead,
        meeting=product_meeting,
        decision=decision,
        member=members["industry"],
        choice="for",
    )
    assert vote.conflict_management == record
    checks.assert_audited_as_managed("meeting.vote_recorded")
    body = (
        client_for("oversight")
        .get(reverse("meetings:minutes", args=[product_meeting.project_id, product_meeting.pk]))
        .content.decode()
    )
    assert "Voted with a conflict of interest the chair recorded as managed" in body
    assert "How it is managed:" in body
    assert html.escape(checks.REASON, quote=True) in body


def test_a_member_the_chair_keeps_to_the_discussion_is_excluded(
    product_meeting, members, nhs_lead, industry_lead
):
    record = services.conflict_manage(
        actor=nhs_lead,
        project=product_meeting.project,
        person=industry_lead,
        declaration=industry_lead.declarations.get(),
        decision=DecisionKind.VOTE,
        arrangement=Arrangement.DISCUSSION_ONLY,
        reason="Paid by a rival company on this medicine.",
    )
    _, [exclusion] = _hold_and_open(product_meeting, members, nhs_lead)
    assert exclusion.member == members["industry"]
    assert exclusion.conflict_management == record
    assert exclusion.reason.startswith("Conflict managed by exclusion:")
    assert "may take part in the discussion but not the decision" in exclusion.reason
    assert "Paid by a rival company on this medicine." in exclusion.reason


def test_an_interest_declared_after_the_vote_opened_still_stops_the_vote(
    team, meeting, members, nhs_lead, industry_lead
):
    checks.concern_product(team, nhs_lead)
    decision, exclusions = _hold_and_open(meeting, members, nhs_lead)
    assert exclusions == []
    checks.declare_interest(industry_lead)
    with pytest.raises(ValidationError) as error:
        voting.vote_record(
            actor=nhs_lead,
            meeting=meeting,
            decision=decision,
            member=members["industry"],
            choice="for",
        )
    message = error.value.message_dict["member"][0]
    assert message.startswith("Industry Tester cannot vote on this decision while their conflict")
    assert checks.INTEREST in message
    assert not Vote.objects.exists()


def test_a_member_whose_register_has_lapsed_is_excluded(monkeypatch, meeting, members, nhs_lead):
    later = timezone.localdate() + dt.timedelta(days=400)
    monkeypatch.setattr(
        decisions,
        "timezone",
        SimpleNamespace(localdate=lambda value=None: later if value is None else value.date()),
    )
    _, exclusions = _hold_and_open(meeting, members, nhs_lead)
    assert {e.member for e in exclusions} == {members["nhs"], members["industry"]}
    assert all(e.reason.startswith("No current declaration of interests") for e in exclusions)


def test_votes_from_one_table_refuse_an_excluded_member_and_keep_nothing(held, members, nhs_lead):
    decision = voting.decision_record(
        actor=nhs_lead,
        meeting=held,
        text="Use the company's platform",
        agenda_item=held.agenda_items.get(order=1),
        is_vote=True,
    )
    with pytest.raises(ValidationError) as refused:
        voting.votes_record(
            actor=nhs_lead,
            meeting=held,
            decision=decision,
            choices={members["industry"]: "for", members["nhs"]: "for"},
        )
    assert list(refused.value.message_dict) == [f"member_{members['nhs'].pk}"]
    decision.refresh_from_db()
    assert decision.vote_status == "not_opened"
    assert not Vote.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="meeting.vote_").exists()
