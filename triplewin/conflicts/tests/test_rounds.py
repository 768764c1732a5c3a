"""Yearly declaration rounds: who opens one, who is asked, where each stands, the reminders."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests import factories
from triplewin.audit.models import AuditEvent
from triplewin.conflicts import rounds, services
from triplewin.conflicts.models import RoundEmail
from triplewin.conflicts.tasks import email_round_opened, send_daily_round_reminders
from triplewin.core.declaration_rounds import Scope, Status
from triplewin.core.notifications import Choice, Kind
from triplewin.notifications.models import QueuedNotice
from triplewin.notifications.services import choice_set

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DUE = TODAY + dt.timedelta(days=30)


@pytest.fixture
def org_admin(nhs_org: Any) -> Any:
    return factories.member(
        "org.admin@example.test", nhs_org, "organisation_administrator", registered=False
    )


def _open(actor: Any, org: Any, scope: Scope = Scope.ALL_MEMBERS, due: dt.date = DUE) -> Any:
    return rounds.round_open(actor=actor, organisation=org, scope=scope, due_on=due)


def _asked(r: Any) -> set[str]:
    return {m.user.email for m in r.members.select_related("user")}


def test_an_organisation_administrator_opens_the_round_for_everyone(
    org_admin, nhs_org, nhs_lead, team_member, outsider
):
    r = _open(org_admin, nhs_org)
    assert _asked(r) == {
        "org.admin@example.test",
        "nhs.lead@example.test",
        "team.member@example.test",
    }
    event = AuditEvent.objects.get(action="conflicts.round_opened")
    assert event.changes["asked"] == [None, 3]
    assert email_round_opened.call(r.pk) == 3
    assert sorted(m.to[0] for m in mail.outbox) == sorted(_asked(r))
    assert all(
        m.subject.startswith(f"Declare your interests for {TODAY.year}") for m in mail.outbox
    )
    assert email_round_opened.call(r.pk) == 0  # each person is invited once


def test_decision_makers_only_leaves_team_members_out(org_admin, nhs_org, nhs_lead, team_member):
    r = _open(org_admin, nhs_org, Scope.DECISION_MAKERS)
    assert _asked(r) == {"org.admin@example.test", "nhs.lead@example.test"}


@pytest.mark.parametrize(
    "role",
    ["nhs_lead", "industry_lead", "governance_member", "team_member", "oversight", "outsider"],
)
def test_only_its_administrator_or_a_superuser_opens_a_round(roles, role, nhs_org):
    with pytest.raises(PermissionDenied):
        _open(roles[role], nhs_org)


def test_a_superuser_may_open_one(nhs_org, nhs_lead):
    boss = factories.User.objects.create_superuser("boss@example.test", "boss@example.test", "x")
    assert _open(boss, nhs_org).opened_by == boss


def test_an_administrator_of_another_organisation_is_refused(nhs_org, other_org):
    elsewhere = factories.member(
        "admin.elsewhere@example.test", other_org, "organisation_administrator"
    )
    with pytest.raises(PermissionDenied):
        _open(elsewhere, nhs_org)


def test_companies_run_no_rounds(pharma_org):
    admin = factories.member(
        "pharma.admin@example.test", pharma_org, "organisation_administrator", function="other"
    )
    with pytest.raises(ValidationError, match="NHS organisations"):
        _open(admin, pharma_org)


def test_one_round_a_year_and_a_sensible_due_date(org_admin, nhs_org):
    with pytest.raises(ValidationError, match="at least 14 days"):
        _open(org_admin, nhs_org, due=TODAY + dt.timedelta(days=3))
    _open(org_admin, nhs_org)
    with pytest.raises(ValidationError, match="already opened"):
        _open(org_admin, nhs_org)


def test_each_person_is_listed_as_declared_nil_return_or_outstanding(
    org_admin, nhs_org, nhs_lead, team_member
):
    r = _open(org_admin, nhs_org)
    services.nil_return_make(actor=nhs_lead)
    services.declaration_add(
        actor=team_member,
        category="financial",
        interest_type="gifts",
        description="A textbook from a company rep",
        organisation=None,
        organisation_name="Acme Pharma",
        valid_from=TODAY,
        valid_to=None,
        action_taken="",
    )
    by_email = {
        m.user.email: rounds.statuses(r)[m.user_id] for m in r.members.select_related("user")
    }
    assert by_email == {
        "nhs.lead@example.test": Status.NIL_RETURN,
        "team.member@example.test": Status.DECLARED,
        "org.admin@example.test": Status.OUTSTANDING,
    }


def test_reminders_go_to_the_outstanding_a_week_before_and_on_the_day_once_each(
    org_admin, nhs_org, nhs_lead, team_member
):
    r = _open(org_admin, nhs_org)
    services.nil_return_make(actor=nhs_lead)
    mail.outbox.clear()
    assert send_daily_round_reminders.call((DUE - dt.timedelta(days=8)).isoformat()) == {"sent": 0}
    week = (DUE - dt.timedelta(days=7)).isoformat()
    assert send_daily_round_reminders.call(week) == {"sent": 2}
    assert sorted(m.to[0] for m in mail.outbox) == [
        "org.admin@example.test",
        "team.member@example.test",
    ]
    assert mail.outbox[0].subject.startswith("Reminder: declare your interests by")
    assert send_daily_round_reminders.call((DUE - dt.timedelta(days=6)).isoformat()) == {"sent": 0}
    assert send_daily_round_reminders.call(DUE.isoformat()) == {"sent": 2}
    assert send_daily_round_reminders.call(DUE.isoformat()) == {"sent": 0}
    assert send_daily_round_reminders.call((DUE + dt.timedelta(days=1)).isoformat()) == {"sent": 0}
    assert RoundEmail.objects.filter(member__round=r).count() == 4


def test_a_reminder_reaches_someone_who_switched_declarations_off(org_admin, nhs_org, team_member):
    choice_set(actor=team_member, user=team_member, kind=Kind.DECLARATIONS, choice=Choice.OFF)
    r = _open(org_admin, nhs_org)
    email_round_opened.call(r.pk)
    assert "team.member@example.test" not in [m.to[0] for m in mail.outbox]
    send_daily_round_reminders.call(DUE.isoformat())
    assert QueuedNotice.objects.filter(
        user=team_member, kind="declarations", frequency="daily"
    ).exists()


def test_withholding_is_recorded_by_the_administrator_only(org_admin, nhs_org, nhs_lead, outsider):
    row = rounds.withholding_set(
        actor=org_admin, organisation=nhs_org, person=nhs_lead, reason="Asked, for safety"
    )
    assert row.user == nhs_lead
    with pytest.raises(PermissionDenied):
        rounds.withholding_set(actor=nhs_lead, organisation=nhs_org, person=nhs_lead, reason="x")
    with pytest.raises(ValidationError):
        rounds.withholding_set(actor=org_admin, organisation=nhs_org, person=outsider, reason="x")
