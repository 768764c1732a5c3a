"""Decisions and votes, by role; and the refusal of a vote from an excluded member."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.roles import EDIT, READ, matrix
from triplewin.meetings.models import Decision, Vote, VoteExclusion
from triplewin.meetings.services import voting
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db


def _url(name, decision):
    meeting = decision.meeting
    return reverse(name, args=[meeting.project_id, meeting.pk, decision.pk])


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_decision_add_by_role(client_for, held, role, status):
    client = client_for(role)
    url = reverse("meetings:decision-add", args=[held.project_id, held.pk])
    assert client.get(url).status_code == status
    item = held.agenda_items.get(order=1)
    response = client.post(url, {"text": "Go ahead", "agenda_item": item.pk, "is_vote": "on"})
    if status == 200:
        assert response.status_code == 302
        assert Decision.objects.get().is_vote
    else:
        assert response.status_code == status
        assert not Decision.objects.exists()


def test_decision_before_the_meeting_is_held_is_refused(client_for, meeting):
    response = client_for("nhs_lead").post(
        reverse("meetings:decision-add", args=[meeting.project_id, meeting.pk]), {"text": "Early"}
    )
    assert response.status_code == 400
    assert "not been marked as held" in response.content.decode()
    assert not Decision.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_decision_page_by_role(client_for, vote, role, status):
    response = client_for(role).get(_url("meetings:decision", vote))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Use the company&#39;s platform" in body
        assert "Excluded from the vote" in body
        assert ("Record the vote" in body) == (role in ("nhs_lead", "industry_lead"))


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_record_vote_by_role(client_for, vote, members, role, status):
    response = client_for(role).post(
        _url("meetings:decision", vote), {"member": members["industry"].pk, "choice": "for"}
    )
    if status == 200:
        assert response.status_code == 302
        assert Vote.objects.get().member == members["industry"]
    else:
        assert response.status_code == status
        assert not Vote.objects.exists()


def test_vote_for_an_excluded_member_is_refused_with_a_clear_message(client_for, vote, members):
    response = client_for("industry_lead").post(
        _url("meetings:decision", vote), {"member": members["nhs"].pk, "choice": "for"}
    )
    assert response.status_code == 400
    message = builders.field_error(response, "member")
    assert message.startswith("Nhs Tester cannot vote on this decision because they are excluded")
    assert "Test Pharma Ltd" in message
    assert not Vote.objects.exists()


@pytest.mark.parametrize(
    "data", [{}, {"member": "abc", "choice": "for"}, {"member": "999999", "choice": "yes"}]
)
def test_bad_vote_input_is_a_400(client_for, vote, data):
    response = client_for("nhs_lead").post(_url("meetings:decision", vote), data)
    assert response.status_code == 400
    assert not Vote.objects.exists()


@pytest.fixture
def unopened(held, nhs_lead):
    return voting.decision_record(
        actor=nhs_lead,
        meeting=held,
        text="Fund the post",
        agenda_item=held.agenda_items.get(order=1),
        is_vote=True,
    )


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_open_vote_by_role(client_for, unopened, role, status):
    response = client_for(role).post(_url("meetings:vote-open", unopened))
    unopened.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert unopened.vote_status == "open"
        assert VoteExclusion.objects.filter(decision=unopened).count() == 1
    else:
        assert response.status_code == status
        assert unopened.vote_status == "not_opened"
        assert not VoteExclusion.objects.exists()


def test_open_vote_shows_how_many_were_excluded(client_for, unopened):
    response = client_for("nhs_lead").post(_url("meetings:vote-open", unopened), follow=True)
    assert "1 member excluded because of a declared interest" in response.content.decode()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_close_vote_by_role(client_for, vote, members, nhs_lead, role, status):
    voting.vote_record(
        actor=nhs_lead,
        meeting=vote.meeting,
        decision=vote,
        member=members["industry"],
        choice="for",
    )
    response = client_for(role).post(_url("meetings:vote-close", vote))
    vote.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert vote.outcome == "carried"
    else:
        assert response.status_code == status
        assert vote.vote_status == "open"


def test_closing_an_empty_vote_shows_why(client_for, vote):
    response = client_for("nhs_lead").post(_url("meetings:vote-close", vote), follow=True)
    assert "No votes have been recorded" in response.content.decode()
    vote.refresh_from_db()
    assert vote.vote_status == "open"


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_exclude_by_role(client_for, vote, members, role, status):
    client = client_for(role)
    url = _url("meetings:vote-exclude", vote)
    assert client.get(url).status_code == status
    response = client.post(
        url, {"member": members["industry"].pk, "reason": "Declared at the meeting"}
    )
    excluded = VoteExclusion.objects.filter(member=members["industry"])
    if status == 200:
        assert response.status_code == 302
        assert excluded.exists()
    else:
        assert response.status_code == status
        assert not excluded.exists()


def test_a_decision_of_another_meeting_is_not_found(client_for, vote, team, nhs_lead):
    from triplewin.meetings.services import schedule

    other = schedule.meeting_create(
        actor=nhs_lead,
        project=team,
        title="Other",
        kind="other",
        scheduled_for=vote.meeting.scheduled_for,
    )
    url = reverse("meetings:decision", args=[team.pk, other.pk, vote.pk])
    assert client_for("nhs_lead").get(url).status_code == 404
