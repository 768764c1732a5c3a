"""A lead asks a team member whose declaration of interests has lapsed to declare, by email."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.roles import EDIT, matrix
from triplewin.audit.models import AuditEvent
from triplewin.conflicts.models import Declaration, NilReturn, RegisterConfirmation
from triplewin.team import services
from triplewin.team.models import DeclarationRequest, TeamMember
from triplewin.team.tasks import email_declaration_request
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db


def _lapse(user) -> None:
    """Make every declaration the person made 13 months old: none is current any more."""
    long_ago = timezone.now() - dt.timedelta(days=400)
    for model in (Declaration, NilReturn, RegisterConfirmation):
        model.objects.filter(user=user).update(declared_at=long_ago)


@pytest.fixture
def lapsed(team, industry_lead) -> TeamMember:
    _lapse(industry_lead)
    return TeamMember.objects.get(project=team, user=industry_lead)


def test_asking_records_audits_and_queues_the_email(
    team, nhs_lead, lapsed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = services.declaration_request(actor=nhs_lead, project=team, member=lapsed)
    assert request.requested_on == timezone.localdate()
    assert request.requested_by == nhs_lead
    event = AuditEvent.objects.get(action="team.declaration_requested")
    assert event.project_id == team.pk
    assert event.changes["member"] == [None, "Industry Tester"]
    (queued,) = DBTaskResult.objects.all()
    assert queued.task_path == "triplewin.team.tasks.email_declaration_request"


def test_the_email_says_who_asks_why_and_where_to_declare(team, nhs_lead, lapsed):
    request = services.declaration_request(actor=nhs_lead, project=team, member=lapsed)
    assert email_declaration_request.call(request.pk, "Nhs Tester") == "sent"
    (sent,) = mail.outbox
    assert sent.to == ["industry.lead@example.test"]
    assert sent.subject == f"Please declare your interests: {team.title}"
    assert "Hello Industry," in sent.body
    assert "Nhs Tester asks you to declare your interests" in sent.body
    assert "nil return" in sent.body
    assert reverse("conflicts:register") in sent.body


def test_no_email_once_the_person_has_declared_or_left(team, nhs_lead, industry_lead, lapsed):
    request = services.declaration_request(actor=nhs_lead, project=team, member=lapsed)
    builders.nil_return(industry_lead)
    assert email_declaration_request.call(request.pk, "Nhs Tester") == "already declared"
    assert mail.outbox == []


def test_someone_with_a_current_declaration_is_not_asked(team, nhs_lead, industry_lead):
    member = TeamMember.objects.get(project=team, user=industry_lead)
    with pytest.raises(ValidationError, match="has a current declaration"):
        services.declaration_request(actor=nhs_lead, project=team, member=member)
    assert not DeclarationRequest.objects.exists()


def test_once_a_day_at_most(team, nhs_lead, industry_lead, lapsed):
    today = timezone.localdate()
    services.declaration_request(actor=nhs_lead, project=team, member=lapsed, today=today)
    with pytest.raises(ValidationError, match="asked today already"):
        services.declaration_request(actor=industry_lead, project=team, member=lapsed, today=today)
    tomorrow = today + dt.timedelta(days=1)
    services.declaration_request(actor=nhs_lead, project=team, member=lapsed, today=tomorrow)
    assert DeclarationRequest.objects.filter(member=lapsed).count() == 2


def test_only_a_partnership_lead_may_ask(team, governance_member, lapsed):
    with pytest.raises(ValidationError, match="Only a partnership lead"):
        services.declaration_request(actor=governance_member, project=team, member=lapsed)
    assert not AuditEvent.objects.filter(action="team.declaration_requested").exists()


def test_someone_who_left_is_not_asked(team, nhs_lead, lapsed):
    services.team_member_remove(actor=nhs_lead, project=team, member=lapsed, reason="Moved on")
    with pytest.raises(ValidationError, match="already left the team"):
        services.declaration_request(actor=nhs_lead, project=team, member=lapsed)


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_ask_to_declare_by_role(client_for, team, lapsed, role, status):
    url = reverse("team:ask-to-declare", args=[team.pk, lapsed.pk])
    client = client_for(role)
    # Asking is a POST only, for everyone; nothing about the project is read before that.
    assert client.get(url).status_code == 405
    response = client.post(url)
    if status == 200:
        assert response.status_code == 302
        assert response["Location"] == reverse("team:detail", args=[team.pk])
        assert DeclarationRequest.objects.filter(member=lapsed).count() == 1
    else:
        assert response.status_code == status
        assert not DeclarationRequest.objects.exists()


def test_the_team_page_offers_asking_only_to_leads_and_says_when_asked(
    client_for, team, nhs_lead, lapsed
):
    url = reverse("team:detail", args=[team.pk])
    action = reverse("team:ask-to-declare", args=[team.pk, lapsed.pk])
    assert action in client_for("nhs_lead").get(url).content.decode()
    assert action not in client_for("governance_member").get(url).content.decode()
    client = client_for("nhs_lead")
    response = client.post(action, follow=True)
    body = response.content.decode()
    assert "Industry Tester has been emailed a link to declare their interests." in body
    assert f"Asked to declare {timezone.localdate().day}" in body
    again = client.post(action, follow=True).content.decode()
    assert "was asked today already" in again
    assert DeclarationRequest.objects.count() == 1


def test_no_ask_for_someone_who_has_declared(client_for, team, industry_lead):
    member = TeamMember.objects.get(project=team, user=industry_lead)
    body = client_for("nhs_lead").get(reverse("team:detail", args=[team.pk])).content.decode()
    assert reverse("team:ask-to-declare", args=[team.pk, member.pk]) not in body
