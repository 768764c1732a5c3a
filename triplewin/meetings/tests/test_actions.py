"""The action log."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests import factories
from triplewin.audit.models import AuditEvent
from triplewin.meetings.models import Action
from triplewin.meetings.presenters import action_rows
from triplewin.meetings.services import actions, schedule
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db


def _add(project, actor, owner, **extra):
    return actions.action_add(
        actor=actor,
        project=project,
        description="Draft the data collection plan",
        owner=owner,
        due_on=dt.date(2027, 1, 31),
        **extra,
    )


def test_adding_and_completing_an_action(team, nhs_lead, industry_lead, meeting):
    action = _add(team, nhs_lead, industry_lead, meeting=meeting)
    assert action.status == "open"
    assert AuditEvent.objects.get(action="action.added").changes["owner"] == [
        None,
        "Industry Tester",
    ]
    actions.action_complete(actor=industry_lead, project=team, action=action)
    action.refresh_from_db()
    assert action.status == "done"
    assert action.completed_on == timezone.localdate()
    with pytest.raises(ValidationError, match="already done"):
        actions.action_complete(actor=industry_lead, project=team, action=action)
    assert AuditEvent.objects.filter(action="action.completed").count() == 1


def test_owner_must_be_on_the_team(team, nhs_lead, governance_member):
    with pytest.raises(ValidationError) as error:
        _add(team, nhs_lead, governance_member)
    assert "not on the project team" in error.value.message_dict["owner"][0]
    assert not Action.objects.exists()


def test_actions_cannot_join_approved_minutes(held, team, nhs_lead, industry_lead):
    schedule.minutes_approve(actor=nhs_lead, meeting=held, expected_version=None)
    with pytest.raises(ValidationError) as error:
        _add(team, nhs_lead, industry_lead, meeting=held)
    assert "meeting" in error.value.message_dict


def test_action_from_another_projects_meeting_is_refused(
    meeting, nhs_lead, industry_lead, nhs_org, pharma_org
):
    other = builders.advance(
        factories.project(actor=nhs_lead, lead=nhs_org, partners=[pharma_org], title="Other"),
        nhs_lead,
        "concept_approved",
    )
    builders.add_member(other, nhs_lead, industry_lead, pharma_org)
    with pytest.raises(ValidationError) as error:
        _add(other, nhs_lead, industry_lead, meeting=meeting)
    assert error.value.message_dict["meeting"] == ["Choose one of this project's meetings."]
    assert not Action.objects.exists()


def test_overdue_is_shown_for_open_actions_past_their_date(team, nhs_lead, industry_lead):
    late = _add(team, nhs_lead, industry_lead)
    rows = action_rows([late], today=dt.date(2027, 2, 1))
    assert rows[0].status_tag["text"] == "Overdue"
    assert action_rows([late], today=dt.date(2027, 1, 31))[0].status_tag["text"] == "Open"
    actions.action_complete(actor=nhs_lead, project=team, action=late)
    late.refresh_from_db()
    assert action_rows([late], today=dt.date(2027, 2, 1))[0].status_tag["text"].startswith("Done")


def test_a_change_that_changes_nothing_records_nothing(team, nhs_lead, industry_lead):
    action = _add(team, nhs_lead, industry_lead)
    actions.action_change(
        actor=nhs_lead,
        project=team,
        action=action,
        description=" Draft the data collection plan ",
        owner=industry_lead,
        due_on=dt.date(2027, 1, 31),
    )
    assert not AuditEvent.objects.filter(action="action.changed").exists()


def test_an_action_cannot_go_to_someone_off_the_team(team, nhs_lead, industry_lead, outsider):
    action = _add(team, nhs_lead, industry_lead)
    with pytest.raises(ValidationError) as raised:
        actions.action_change(
            actor=nhs_lead,
            project=team,
            action=action,
            description="Draft the plan",
            owner=outsider,
            due_on=dt.date(2027, 1, 31),
        )
    assert "owner" in raised.value.message_dict
    action.refresh_from_db()
    assert (action.owner, action.description) == (industry_lead, "Draft the data collection plan")
