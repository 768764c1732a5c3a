"""Decisions and votes, by role; and the refusal of a vote from an excluded member."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.roles import EDIT, READ, matrix
from triplewin.audit.models import AuditEvent
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
        assert ("Record the votes" in body) == (role in ("nhs_lead", "industry_lead"))


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
def test_recording_the_whole_vote_by_role(client_for, unopened, members, role, status):
    """One submission opens the vote, excludes the conflicted member, records and closes."""
    response = client_for(role).post(
        _url("meetings:decision", unopened), {f"member_{members['industry'].pk}": "for"}
    )
    unopened.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert unopened.vote_status == "closed"
        assert unopened.outcome == "carried"
        assert Vote.objects.get().member == members["industry"]
        assert VoteExclusion.objects.get().member == members["nhs"]
        assert list(
            AuditEvent.objects.filter(action__startswith="meeting.vote_")
            .order_by("pk")
            .values_list("action", flat=True)
        ) == ["meeting.vote_opened", "meeting.vote_recorded", "meeting.vote_closed"]
    else:
        assert response.status_code == status
        assert unopened.vote_status == "not_opened"
        assert not Vote.objects.exists()
        assert not VoteExclusion.objects.exists()


def test_the_grid_shows_who_will_be_excluded_and_offers_only_the_others(
    client_for, unopened, members
):
    body = client_for("nhs_lead").get(_url("meetings:decision", unopened)).content.decode()
    assert "These members are excluded from the vote because of a declared interest" in body
    assert f'name="member_{members["industry"].pk}"' in body
    assert f'name="member_{members["nhs"].pk}"' not in body
    assert not VoteExclusion.objects.exists(), "showing the page changes nothing"


def test_a_vote_already_open_is_finished_from_the_grid(client_for, vote, members):
    response = client_for("industry_lead").post(
        _url("meetings:decision", vote), {f"member_{members['industry'].pk}": "against"}
    )
    assert response.status_code == 302
    vote.refresh_from_db()
    assert (vote.vote_status, vote.outcome) == ("closed", "not_carried")


def test_a_missing_vote_is_named_next_to_the_member_and_nothing_is_kept(
    client_for, unopened, members
):
    response = client_for("nhs_lead").post(_url("meetings:decision", unopened), {})
    assert response.status_code == 400
    assert builders.field_error(response, f"member_{members['industry'].pk}") == (
        "Say how Industry Tester voted."
    )
    unopened.refresh_from_db()
    assert unopened.vote_status == "not_opened"
    assert not VoteExclusion.objects.exists()


@pytest.mark.parametrize("choice", ["yes", "", "for'; --"])
def test_bad_vote_input_is_a_400(client_for, unopened, members, choice):
    response = client_for("nhs_lead").post(
        _url("meetings:decision", unopened), {f"member_{members['industry'].pk}": choice}
    )
    assert response.status_code == 400
    assert not Vote.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="meeting.vote_").exists()


def test_a_closed_vote_offers_no_grid_and_refuses_another(client_for, vote, members, nhs_lead):
    voting.votes_record(
        actor=nhs_lead, meeting=vote.meeting, decision=vote, choices={members["industry"]: "for"}
    )
    client = client_for("nhs_lead")
    assert "Record the votes" not in client.get(_url("meetings:decision", vote)).content.decode()
    response = client.post(_url("meetings:decision", vote), {})
    assert response.status_code == 400
    assert "already closed" in response.content.decode()
    assert Vote.objects.count() == 1


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
