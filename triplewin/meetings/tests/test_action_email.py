"""A new action is emailed to its owner through the task queue, once the action is saved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django_tasks_db.models import DBTaskResult

from triplewin.meetings.models import Action
from triplewin.meetings.services import actions
from triplewin.meetings.tasks import email_action_owner

pytestmark = pytest.mark.django_db


def _add(project, actor, owner, **extra):
    return actions.action_add(
        actor=actor,
        project=project,
        description="Send the\nsearch criteria",
        owner=owner,
        due_on=dt.date(2027, 1, 31),
        **extra,
    )


def test_the_owner_is_queued_an_email_after_the_action_is_saved(
    team, nhs_lead, industry_lead, meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        action = _add(team, nhs_lead, industry_lead, meeting=meeting)
    assert not DBTaskResult.objects.exists()
    assert len(callbacks) == 1
    callbacks[0]()
    (queued,) = DBTaskResult.objects.all()
    assert queued.task_path == "triplewin.meetings.tasks.email_action_owner"
    assert queued.args_kwargs == {"args": [action.pk, "Nhs Tester"], "kwargs": {}}


def test_the_task_sends_what_and_when_and_where(team, nhs_lead, industry_lead, meeting):
    action = _add(team, nhs_lead, industry_lead, meeting=meeting)
    assert email_action_owner.call(action.pk, "Nhs Tester") == "sent"
    (sent,) = mail.outbox
    assert sent.to == ["industry.lead@example.test"]
    assert sent.subject == f"An action for you: Send the search criteria ({team.title})"
    assert "Hello Industry," in sent.body
    assert "Nhs Tester has given you an action" in sent.body
    assert "Due: 31 January 2027" in sent.body
    assert "Agreed at: Steering committee 1" in sent.body
    assert f"/projects/{team.pk}/actions/" in sent.body
    assert "/disclosure/" in sent.body


def test_no_email_for_your_own_action_or_when_asked_not_to(
    team, nhs_lead, industry_lead, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _add(team, nhs_lead, nhs_lead)
        _add(team, nhs_lead, industry_lead, notify=False)
    assert callbacks == []
    assert not DBTaskResult.objects.exists()


def test_a_refused_action_queues_nothing(
    team, nhs_lead, industry_lead, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ValidationError),
    ):
        actions.action_add(
            actor=nhs_lead,
            project=team,
            description=" ",
            owner=industry_lead,
            due_on=dt.date(2027, 1, 31),
        )
    assert callbacks == []
    assert not Action.objects.exists()


def test_a_closed_action_or_a_missing_address_sends_nothing(team, nhs_lead, industry_lead):
    action = _add(team, nhs_lead, industry_lead)
    actions.action_complete(actor=industry_lead, project=team, action=action)
    assert email_action_owner.call(action.pk, "Nhs Tester") == "not needed"
    assert email_action_owner.call(999_999, "Nhs Tester") == "not needed"
    other = _add(team, nhs_lead, industry_lead)
    get_user_model().objects.filter(pk=industry_lead.pk).update(email="")
    assert email_action_owner.call(other.pk, "Nhs Tester") == "no email address"
    assert mail.outbox == []
