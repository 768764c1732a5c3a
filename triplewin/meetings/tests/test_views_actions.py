"""The action log, by role."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from tests import factories
from tests.roles import EDIT, READ, matrix
from triplewin.audit.models import AuditEvent
from triplewin.meetings.models import Action
from triplewin.meetings.services import actions
from triplewin.organisations.models import Membership
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db


def _done_url(found):
    return reverse("meetings:action-done", args=[found.project_id, found.pk])


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


class TestTheOwnerClosesTheirAction:
    """An action's owner may say it is done without a lead's rights; only their own action."""

    @pytest.fixture
    def theirs(self, team, nhs_lead, team_member, nhs_org):
        builders.add_member(team, nhs_lead, team_member, nhs_org, "analyst")
        return actions.action_add(
            actor=nhs_lead,
            project=team,
            description="Run the monthly search",
            owner=team_member,
            due_on=dt.date(2027, 1, 31),
        )

    def _done(self, client, found):
        return client.post(_done_url(found))

    def test_owner_is_offered_done_and_closes_it(self, client_for, theirs, team_member):
        client = client_for("team_member")
        body = client.get(reverse("meetings:actions", args=[theirs.project_id])).content.decode()
        assert _done_url(theirs) in body
        assert self._done(client, theirs).status_code == 302
        theirs.refresh_from_db()
        assert theirs.status == "done"
        event = AuditEvent.objects.get(action="action.completed")
        assert event.actor == team_member

    def test_owner_cannot_close_someone_elses(self, client_for, theirs, action):
        client = client_for("team_member")
        body = client.get(reverse("meetings:actions", args=[action.project_id])).content.decode()
        assert _done_url(action) not in body
        assert self._done(client, action).status_code == 403
        action.refresh_from_db()
        assert action.status == "open"

    def test_owner_who_moved_to_oversight_no_longer_closes(
        self, client_for, theirs, team_member, nhs_org, icb
    ):
        factories.member(team_member.username, icb, "system_oversight")
        Membership.objects.filter(user=team_member, organisation=nhs_org).delete()
        client = client_for("team_member")
        body = client.get(reverse("meetings:actions", args=[theirs.project_id])).content.decode()
        assert _done_url(theirs) not in body
        assert self._done(client, theirs).status_code == 403
        theirs.refresh_from_db()
        assert theirs.status == "open"


def test_adding_an_action_on_the_page_queues_the_owners_email(
    client_for, team, industry_lead, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("nhs_lead").post(
            reverse("meetings:action-add", args=[team.pk]),
            {"description": "Book the room", "owner": industry_lead.pk, "due_on": "2027-02-01"},
        )
    assert response.status_code == 302
    (queued,) = DBTaskResult.objects.all()
    assert queued.args_kwargs["args"] == [Action.objects.get().pk, "Nhs Tester"]


def _change_url(found):
    return reverse("meetings:action-change", args=[found.project_id, found.pk])


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_action_change_by_role(client_for, action, role, status):
    client = client_for(role)
    assert client.get(_change_url(action)).status_code == status
    response = client.post(
        _change_url(action),
        {
            "description": "Send the signed data sharing agreement",
            "owner": action.owner_id,
            "due_on": "2027-03-01",
        },
    )
    action.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert (action.description, action.due_on) == (
            "Send the signed data sharing agreement",
            dt.date(2027, 3, 1),
        )
        event = AuditEvent.objects.get(action="action.changed")
        assert event.changes["due_on"] == ["2020-01-31", "2027-03-01"]
        assert "owner" not in event.changes
    else:
        assert response.status_code == status
        assert action.description == "Send the data sharing agreement"
        assert not AuditEvent.objects.filter(action="action.changed").exists()


def test_the_log_offers_change_to_leads_only(client_for, action):
    lead = client_for("nhs_lead").get(reverse("meetings:actions", args=[action.project_id]))
    assert _change_url(action) in lead.content.decode()
    member = client_for("team_member").get(reverse("meetings:actions", args=[action.project_id]))
    assert _change_url(action) not in member.content.decode()


def test_a_done_action_cannot_be_changed(client_for, action, industry_lead):
    actions.action_complete(actor=industry_lead, project=action.project, action=action)
    client = client_for("nhs_lead")
    response = client.get(_change_url(action))
    assert response.status_code == 302
    assert _change_url(action) not in client.get(response["Location"]).content.decode()
    response = client.post(
        _change_url(action),
        {"description": "X", "owner": action.owner_id, "due_on": "2027-03-01"},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.description == "Send the data sharing agreement"


def test_a_bad_change_is_explained_next_to_the_field(client_for, action):
    response = client_for("nhs_lead").post(
        _change_url(action), {"description": " ", "owner": action.owner_id, "due_on": "31/02/2027"}
    )
    assert response.status_code == 400
    assert builders.field_error(response, "description") == "Describe the action."
    assert builders.field_error(response, "due_on") == "Enter a real date"
    action.refresh_from_db()
    assert action.due_on == dt.date(2020, 1, 31)


def test_giving_it_to_someone_else_queues_their_email(
    client_for, action, team, nhs_lead, nhs_org, team_member, django_capture_on_commit_callbacks
):
    builders.add_member(team, nhs_lead, team_member, nhs_org, "analyst")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("nhs_lead").post(
            _change_url(action),
            {"description": action.description, "owner": team_member.pk, "due_on": "2027-03-01"},
        )
    assert response.status_code == 302
    (queued,) = DBTaskResult.objects.all()
    assert queued.args_kwargs["args"] == [action.pk, "Nhs Tester"]
    event = AuditEvent.objects.get(action="action.changed")
    assert event.changes["owner"] == ["Industry Tester", "Team Tester"]
