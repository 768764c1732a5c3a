"""Votes close under the committee's terms of reference (ADR 0019).

Enforces the call for decisions owned jointly, with the partners sharing responsibility for the
project's direction, its activities and its outcomes (NHS Confederation/ABPI guidance 2024, Key resource: Steps to build trust): in
joint working, by default, every party must agree before a formal decision is carried.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.roles import EDIT, READ, matrix
from triplewin.audit.models import AuditEvent
from triplewin.meetings.models import Outcome, TermsOfReference
from triplewin.meetings.services import terms, voting
from triplewin.partnerships.errors import StaleEdit

pytestmark = pytest.mark.django_db


def _as(project, working_type):
    project.intended_type = working_type
    project.save(update_fields=["intended_type"])


def _close_with_industry_for(vote, members, nhs_lead):
    """The NHS member is excluded for a conflict; only the company's member votes for."""
    voting.vote_record(
        actor=nhs_lead,
        meeting=vote.meeting,
        decision=vote,
        member=members["industry"],
        choice="for",
    )
    return voting.vote_close(actor=nhs_lead, meeting=vote.meeting, decision=vote)


def test_joint_working_needs_each_partys_agreement_by_default(
    vote, members, nhs_lead, team, nhs_org
):
    _as(team, "jw")
    closed = _close_with_industry_for(vote, members, nhs_lead)
    assert closed.outcome == Outcome.NO_PARITY
    assert f"no one from {nhs_org.name} voted" in closed.outcome_reason
    assert "each party's agreement" in closed.decision_rule
    event = AuditEvent.objects.get(action="meeting.vote_closed")
    assert event.changes["outcome"] == [None, "no_parity"]
    assert event.changes["outcome_reason"][1] == closed.outcome_reason


def test_collaborative_working_keeps_a_simple_majority_unless_the_terms_say(
    vote, members, nhs_lead, team
):
    _as(team, "cw")
    closed = _close_with_industry_for(vote, members, nhs_lead)
    assert closed.outcome == Outcome.CARRIED
    assert "simple majority" in closed.decision_rule
    assert closed.outcome_reason == ""


def test_terms_of_reference_change_the_rule_for_later_votes(vote, members, nhs_lead, team):
    _as(team, "cw")
    terms.terms_set(
        actor=nhs_lead,
        project=team,
        decision_rule="each_party",
        quorum_per_party=None,
        expected_version=0,
    )
    closed = _close_with_industry_for(vote, members, nhs_lead)
    assert closed.outcome == Outcome.NO_PARITY


def test_terms_refuse_a_missing_quorum_and_an_old_version(team, nhs_lead):
    with pytest.raises(ValidationError) as error:
        terms.terms_set(
            actor=nhs_lead,
            project=team,
            decision_rule="quorum_per_party",
            quorum_per_party=None,
            expected_version=0,
        )
    assert "quorum_per_party" in error.value.message_dict
    saved = terms.terms_set(
        actor=nhs_lead,
        project=team,
        decision_rule="quorum_per_party",
        quorum_per_party=2,
        expected_version=0,
    )
    assert (saved.quorum_per_party, saved.row_version) == (2, 1)
    with pytest.raises(StaleEdit):
        terms.terms_set(
            actor=nhs_lead,
            project=team,
            decision_rule="each_party",
            quorum_per_party=None,
            expected_version=0,
        )
    assert AuditEvent.objects.filter(action="meeting.terms_of_reference_set").count() == 1


def test_the_decision_page_and_minutes_explain_a_failed_parity(
    client_for, vote, members, nhs_lead, team
):
    _as(team, "jw")
    _close_with_industry_for(vote, members, nhs_lead)
    meeting = vote.meeting
    page = client_for("industry_lead").get(
        reverse("meetings:decision", args=[team.pk, meeting.pk, vote.pk])
    )
    minutes = client_for("nhs_lead").get(reverse("meetings:minutes", args=[team.pk, meeting.pk]))
    for response in (page, minutes):
        body = response.content.decode()
        assert "Not carried: not every party agreed" in body
        assert "Why it was not carried" in body
        assert "Decision rule: Formal decisions need each party&#39;s agreement" in body


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_terms_page_by_role(client_for, team, role, status):
    response = client_for(role).get(reverse("meetings:terms", args=[team.pk]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Terms of reference" in body
        assert ("Save the terms of reference" in body) == (role in ("nhs_lead", "industry_lead"))


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_terms_save_by_role(client_for, team, role, status):
    response = client_for(role).post(
        reverse("meetings:terms", args=[team.pk]),
        {"decision_rule": "quorum_per_party", "quorum_per_party": "2", "row_version": "0"},
    )
    if status == 200:
        assert response.status_code == 302
        assert TermsOfReference.objects.get().quorum_per_party == 2
    else:
        assert response.status_code == status
        assert not TermsOfReference.objects.exists()


@pytest.mark.parametrize(
    ("data", "field_message"),
    [
        ({"decision_rule": "headcount", "row_version": "0"}, "Select a valid choice"),
        (
            {"decision_rule": "quorum_per_party", "quorum_per_party": "99", "row_version": "0"},
            "Enter a number from 1 to 12.",
        ),
        (
            {"decision_rule": "quorum_per_party", "quorum_per_party": "", "row_version": "0"},
            "Say how many members of each party must vote for",
        ),
        ({"decision_rule": "each_party"}, "This page is out of date"),
    ],
)
def test_bad_terms_are_explained(client_for, team, data, field_message):
    response = client_for("nhs_lead").post(reverse("meetings:terms", args=[team.pk]), data)
    assert response.status_code in (200, 400)
    assert field_message in response.content.decode()
    assert not TermsOfReference.objects.exists()
