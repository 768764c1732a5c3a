"""The action log, by role."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.roles import EDIT, READ, matrix
from triplewin.meetings.models import Action
from triplewin.meetings.services import actions
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(team, nhs_lead, industry_lead):
    return actions.action_add(
        actor=nhs_lead,
        project=team,
        description="Send the data sharing agreement",
        owner=industry_lead,
        due_on=dt.date(2020, 1, 31),
    )


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_action_log_by_role(client_for, action, role, status):
    response = client_for(role).get(reverse("meetings:actions", args=[action.project_id]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Send the data sharing agreement" in body
        assert "Overdue" in body


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_action_add_by_role(client_for, team, meeting, industry_lead, role, status):
    client = client_for(role)
    url = reverse("meetings:action-add", args=[team.pk])
    assert client.get(url).status_code == status
    response = client.post(
        url,
        {
            "description": "Book the room",
            "owner": industry_lead.pk,
            "due_on": "2027-02-01",
            "meeting": meeting.pk,
        },
    )
    if status == 200:
        assert response.status_code == 302
        assert Action.objects.get().meeting == meeting
    else:
        assert response.status_code == status
        assert not Action.objects.exists()


def test_owner_who_left_the_team_is_refused(client_for, team, nhs_lead, industry_lead):
    from triplewin.team import services as team_services
    from triplewin.team.models import TeamMember

    member = TeamMember.objects.get(user=industry_lead)
    response = client_for("nhs_lead").get(reverse("meetings:action-add", args=[team.pk]))
    assert "Industry Tester" in response.content.decode()
    team_services.team_member_remove(actor=nhs_lead, project=team, member=member, reason="Left")
    response = client_for("nhs_lead").post(
        reverse("meetings:action-add", args=[team.pk]),
        {"description": "X", "owner": industry_lead.pk, "due_on": "2027-02-01"},
    )
    assert response.status_code == 400
    assert builders.field_error(response, "owner") == "Choose a member of the project team."
    assert not Action.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_action_done_by_role(client_for, action, role, status):
    response = client_for(role).post(
        reverse("meetings:action-done", args=[action.project_id, action.pk])
    )
    action.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert action.status == "done"
    else:
        assert response.status_code == status
        assert action.status == "open"
