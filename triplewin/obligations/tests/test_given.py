"""The deadlines page lists the work given to the signed-in person: actions and KPIs."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from triplewin.kpis.models import Kpi
from triplewin.kpis.tests import builders as kpi_builders
from triplewin.meetings.services import actions
from triplewin.organisations.models import Membership
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def delivering(project, nhs_lead, nhs_org, team_member):
    found = builders.advance(project, nhs_lead, to="in_delivery")
    builders.add_member(found, nhs_lead, nhs_lead, nhs_org, "chair")
    builders.add_member(found, nhs_lead, team_member, nhs_org, "analyst")
    return found


@pytest.fixture
def given(delivering, nhs_lead, team_member, industry_lead):
    kept = kpi_builders.kpi(delivering, nhs_lead, name="Reviews done", owner=team_member)
    kpi_builders.record_series(kept, nhs_lead, [40, 45])
    kpi_builders.kpi(delivering, nhs_lead, name="Referrals made", owner=team_member)
    kpi_builders.kpi(delivering, nhs_lead, name="Someone else's", owner=nhs_lead)
    # The services now refuse this owner (ADR 0014); a KPI unshared before that rule may still
    # name one, and the page must not list it.
    legacy = kpi_builders.kpi(
        delivering, nhs_lead, name="Admissions kept from the company", owner=industry_lead
    )
    Kpi.objects.filter(pk=legacy.pk).update(company_may_see=False)
    late = timezone.localdate() - dt.timedelta(days=3)
    actions.action_add(
        actor=nhs_lead,
        project=delivering,
        description="Run the search",
        owner=team_member,
        due_on=late,
    )
    done = actions.action_add(
        actor=nhs_lead,
        project=delivering,
        description="Book a room",
        owner=team_member,
        due_on=late,
    )
    actions.action_complete(actor=nhs_lead, project=delivering, action=done)
    return delivering


def _page(client_for, role):
    return client_for(role).get(reverse("obligations:index")).content.decode()


def test_team_member_sees_their_open_actions_and_kpis(client_for, given):
    body = _page(client_for, "team_member")
    assert 'id="given"' in body
    assert "Run the search" in body
    assert "3 days ago" in body
    assert "Overdue" in body
    assert "Book a room" not in body
    assert "Reviews done" in body
    assert "February 2024" in body
    assert "Referrals made" in body
    assert "No values yet" in body
    assert "Someone else&#39;s" not in body
    kpi = given.kpis.get(name="Reviews done")
    assert reverse("kpis:detail", args=[given.pk, kpi.pk]) + "#record" in body


def test_others_see_only_their_own(client_for, given):
    lead = _page(client_for, "nhs_lead")
    assert "Someone else&#39;s" in lead
    assert "Reviews done" not in lead
    assert "Run the search" not in lead
    assert 'id="given"' not in _page(client_for, "governance_member")


def test_a_kpi_the_owner_may_not_see_is_not_listed(client_for, given):
    assert "Admissions kept from the company" not in _page(client_for, "industry_lead")


def test_kpis_stop_being_listed_when_measuring_ends(client_for, given, nhs_lead):
    builders.advance(given, nhs_lead, to="outcomes_published")
    body = _page(client_for, "team_member")
    assert "Reviews done" not in body
    assert "Run the search" in body


def test_nothing_is_listed_from_a_project_no_longer_visible(client_for, given, team_member):
    Membership.objects.filter(user=team_member).delete()
    body = _page(client_for, "team_member")
    assert "Run the search" not in body
    assert "Reviews done" not in body
    assert 'id="given"' not in body
