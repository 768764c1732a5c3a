"""The meetings list, scheduling, a meeting's page, editing and the minutes, by role."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.roles import EDIT, READ, matrix
from triplewin.audit.models import AuditEvent
from triplewin.meetings.models import Meeting
from triplewin.meetings.services import schedule, voting
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db


def _edit_post(meeting, **extra):
    data = {
        "title": meeting.title,
        "kind": meeting.kind,
        "scheduled_for": meeting.scheduled_for.isoformat(),
        "location": meeting.location,
        "minutes_notes": "Discussed the budget",
        "row_version": meeting.row_version,
    }
    data.update(extra)
    return data


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_list_by_role(client_for, meeting, role, status):
    response = client_for(role).get(reverse("meetings:list", args=[meeting.project_id]))
    assert response.status_code == status
    if status == 200:
        assert "Steering committee 1" in response.content.decode()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_create_by_role(client_for, team, role, status):
    client = client_for(role)
    url = reverse("meetings:create", args=[team.pk])
    assert client.get(url).status_code == status
    response = client.post(
        url, {"title": "Kick-off", "kind": "steering", "scheduled_for": "2027-01-15"}
    )
    if status == 200:
        assert response.status_code == 302
        assert Meeting.objects.get().title == "Kick-off"
    else:
        assert response.status_code == status
        assert not Meeting.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"title": "X", "kind": "party", "scheduled_for": "2027-01-15"},
        {"title": "X", "kind": "steering", "scheduled_for": "15 Jan"},
        {"title": "X", "kind": "steering", "scheduled_for": "2027-02-30"},
    ],
)
def test_bad_meeting_input_is_a_400(client_for, team, data):
    response = client_for("nhs_lead").post(reverse("meetings:create", args=[team.pk]), data)
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert not Meeting.objects.exists()


def test_bad_date_message_is_next_to_the_field(client_for, team):
    response = client_for("nhs_lead").post(
        reverse("meetings:create", args=[team.pk]),
        {"title": "X", "kind": "steering", "scheduled_for": "2027-02-30"},
    )
    assert builders.field_error(response, "scheduled_for") == "Enter a real date"


def test_scheduling_before_concept_approval_is_refused(client_for, project):
    response = client_for("nhs_lead").post(
        reverse("meetings:create", args=[project.pk]),
        {"title": "X", "kind": "steering", "scheduled_for": "2027-01-15"},
    )
    assert response.status_code == 400
    assert "Meetings cannot be recorded" in response.content.decode()


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_detail_by_role(client_for, vote, role, status):
    meeting = vote.meeting
    response = client_for(role).get(
        reverse("meetings:detail", args=[meeting.project_id, meeting.pk])
    )
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Declarations at the start of the meeting" in body
        assert ("Record a decision" in body) == (role in ("nhs_lead", "industry_lead"))


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_edit_by_role(client_for, meeting, role, status):
    client = client_for(role)
    url = reverse("meetings:edit", args=[meeting.project_id, meeting.pk])
    assert client.get(url).status_code == status
    response = client.post(url, _edit_post(meeting))
    meeting.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert meeting.minutes_notes == "Discussed the budget"
    else:
        assert response.status_code == status
        assert meeting.minutes_notes == ""
        assert not AuditEvent.objects.filter(action="meeting.updated").exists()


def test_concurrent_edits_do_not_overwrite_each_other(client_for, meeting):
    url = reverse("meetings:edit", args=[meeting.project_id, meeting.pk])
    opened = _edit_post(meeting)
    first = client_for("nhs_lead").post(url, {**opened, "minutes_notes": "NHS notes"})
    assert first.status_code == 302
    second = client_for("industry_lead").post(url, {**opened, "minutes_notes": "Company notes"})
    assert second.status_code == 400
    assert "Someone else saved changes" in second.content.decode()
    assert "Company notes" in second.content.decode()  # their text is not lost
    meeting.refresh_from_db()
    assert meeting.minutes_notes == "NHS notes"


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_minutes_by_role(client_for, vote, members, nhs_lead, role, status):
    meeting = vote.meeting
    voting.vote_record(
        actor=nhs_lead, meeting=meeting, decision=vote, member=members["industry"], choice="for"
    )
    voting.vote_close(actor=nhs_lead, meeting=meeting, decision=vote)
    response = client_for(role).get(
        reverse("meetings:minutes", args=[meeting.project_id, meeting.pk])
    )
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Minutes: Steering committee 1" in body
        assert "Shares in the company" in body  # the declaration at the start
        assert "Excluded from the vote because of a conflict of interest" in body
        assert "Nhs Tester" in body
        assert "For 1, against 0, abstained 0" in body
        assert "Carried" in body
        assert "Draft" in body
        assert "tw-no-print" in body


def test_approved_minutes_are_not_marked_draft(client_for, held, nhs_lead):
    schedule.minutes_approve(actor=nhs_lead, meeting=held, expected_version=None)
    body = (
        client_for("oversight")
        .get(reverse("meetings:minutes", args=[held.project_id, held.pk]))
        .content.decode()
    )
    assert "Approved by Nhs Tester" in body
    assert "not approved yet" not in body


def test_a_meeting_of_another_project_is_not_found(client_for, meeting, nhs_lead, nhs_org):
    from tests import factories

    other = factories.project(actor=nhs_lead, lead=nhs_org)
    url = reverse("meetings:detail", args=[other.pk, meeting.pk])
    assert client_for("nhs_lead").get(url).status_code == 404
