"""Agenda, attendance, marking as held and approving, by role."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.roles import EDIT, matrix
from triplewin.meetings.models import AgendaItem, Attendance, MeetingDeclaration
from triplewin.meetings.services import schedule
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db


def _url(name, meeting, *extra):
    return reverse(name, args=[meeting.project_id, meeting.pk, *extra])


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_agenda_add_by_role(client_for, meeting, pharma_org, role, status):
    client = client_for(role)
    url = _url("meetings:agenda", meeting)
    assert client.get(url).status_code == status
    response = client.post(
        url,
        {
            "title": "Data platform",
            "relates_to_organisation": pharma_org.pk,
            "row_version": meeting.row_version,
        },
    )
    if status == 200:
        assert response.status_code == 302
        assert AgendaItem.objects.get().relates_to_organisation == pharma_org
    else:
        assert response.status_code == status
        assert not AgendaItem.objects.exists()


def test_agenda_add_on_a_stale_page_is_refused(client_for, meeting):
    url = _url("meetings:agenda", meeting)
    version = meeting.row_version
    assert (
        client_for("nhs_lead").post(url, {"title": "A", "row_version": version}).status_code == 302
    )
    response = client_for("industry_lead").post(url, {"title": "B", "row_version": version})
    assert response.status_code == 400
    assert "Someone else saved changes" in response.content.decode()
    assert list(AgendaItem.objects.values_list("title", flat=True)) == ["A"]


def test_agenda_item_about_a_non_partner_is_refused(client_for, meeting, other_org):
    response = client_for("nhs_lead").post(
        _url("meetings:agenda", meeting),
        {"title": "A", "relates_to_organisation": other_org.pk, "row_version": meeting.row_version},
    )
    assert response.status_code == 400
    assert not AgendaItem.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_agenda_remove_by_role(client_for, meeting, nhs_lead, role, status):
    item = schedule.agenda_item_add(
        actor=nhs_lead, meeting=meeting, expected_version=None, title="Welcome"
    )
    meeting.refresh_from_db()
    response = client_for(role).post(
        _url("meetings:agenda-remove", meeting, item.pk), {"row_version": meeting.row_version}
    )
    if status == 200:
        assert response.status_code == 302
        assert not AgendaItem.objects.exists()
    else:
        assert response.status_code == status
        assert AgendaItem.objects.exists()


def test_agenda_remove_on_a_stale_page_changes_nothing(client_for, meeting, nhs_lead):
    item = schedule.agenda_item_add(
        actor=nhs_lead, meeting=meeting, expected_version=None, title="Welcome"
    )
    response = client_for("nhs_lead").post(
        _url("meetings:agenda-remove", meeting, item.pk),
        {"row_version": meeting.row_version - 1},
        follow=True,
    )
    assert "Someone else saved changes" in response.content.decode()
    assert AgendaItem.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_attendance_by_role(client_for, meeting, members, role, status):
    client = client_for(role)
    url = _url("meetings:attendance", meeting)
    assert client.get(url).status_code == status
    response = client.post(
        url,
        {
            f"member_{members['nhs'].pk}": "present",
            f"member_{members['industry'].pk}": "apologies",
            "row_version": meeting.row_version,
        },
    )
    if status == 200:
        assert response.status_code == 302
        assert Attendance.objects.count() == 2
    else:
        assert response.status_code == status
        assert not Attendance.objects.exists()


def test_attendance_needs_an_answer_for_everyone(client_for, meeting, members):
    response = client_for("nhs_lead").post(
        _url("meetings:attendance", meeting),
        {f"member_{members['nhs'].pk}": "present", "row_version": meeting.row_version},
    )
    assert response.status_code == 400
    assert "Industry Tester" in builders.field_error(response, f"member_{members['industry'].pk}")
    assert not Attendance.objects.exists()


@pytest.fixture
def attended(meeting, members, nhs_lead, pharma_org):
    builders.declare(nhs_lead, pharma_org)
    schedule.attendance_record(
        actor=nhs_lead,
        meeting=meeting,
        expected_version=None,
        statuses={members["nhs"].pk: "present", members["industry"].pk: "present"},
    )
    meeting.refresh_from_db()
    return meeting


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_mark_held_by_role(client_for, attended, role, status):
    client = client_for(role)
    url = _url("meetings:held", attended)
    assert client.get(url).status_code == status
    response = client.post(url, {"row_version": attended.row_version})
    attended.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert attended.status == "held"
        assert MeetingDeclaration.objects.count() == 1
    else:
        assert response.status_code == status
        assert attended.status == "planned"
        assert not MeetingDeclaration.objects.exists()


def test_mark_held_without_attendance_is_refused(client_for, meeting):
    response = client_for("nhs_lead").post(
        _url("meetings:held", meeting), {"row_version": meeting.row_version}
    )
    assert response.status_code == 400
    assert "Record who attended" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == "planned"


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_approve_by_role(client_for, held, role, status):
    client = client_for(role)
    url = _url("meetings:approve", held)
    assert client.get(url).status_code == status
    response = client.post(url, {"row_version": held.row_version})
    held.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert held.status == "minutes_approved"
    else:
        assert response.status_code == status
        assert held.status == "held"


def test_approving_with_an_open_vote_is_refused(client_for, vote):
    meeting = vote.meeting
    meeting.refresh_from_db()
    response = client_for("nhs_lead").post(
        _url("meetings:approve", meeting), {"row_version": meeting.row_version}
    )
    assert response.status_code == 400
    assert "Every vote must be closed" in response.content.decode()
