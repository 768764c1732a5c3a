"""The team facts the rules read."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests import factories
from triplewin.team import selectors, services
from triplewin.team.models import TeamMember
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db


def test_no_team_means_no_evidence(approved):
    today = timezone.localdate()
    assert selectors.sales_members(approved) is None
    assert selectors.undeclared_members(approved, today) is None
    assert selectors.team_size(approved) is None
    assert selectors.open_objections(approved) == ()


def test_a_clean_team(team):
    assert selectors.sales_members(team) == ()
    assert selectors.undeclared_members(team, timezone.localdate()) == ()
    assert selectors.team_size(team) == 2


def test_sales_membership_taken_on_after_joining_is_reported(team, industry_lead, pharma_org):
    factories.member("industry.lead@example.test", pharma_org, "administrator", function="sales")
    assert selectors.sales_members(team) == ("Industry Tester",)


def test_declarations_lapse_after_twelve_months(team):
    later = timezone.localdate() + dt.timedelta(days=366)
    assert set(selectors.undeclared_members(team, later) or ()) == {
        "Nhs Tester",
        "Industry Tester",
    }


def test_former_members_do_not_count(team, nhs_lead, industry_lead):
    member = TeamMember.objects.get(user=industry_lead)
    services.team_member_remove(actor=nhs_lead, project=team, member=member, reason="Left")
    assert selectors.team_size(team) == 1


def test_open_objections_lists_current_members_once(
    team, nhs_lead, industry_lead, governance_member, team_member, nhs_org, pharma_org
):
    member = TeamMember.objects.get(user=nhs_lead)
    first = services.objection_raise(
        actor=industry_lead, project=team, member=member, organisation=pharma_org, reason="A"
    )
    services.objection_raise(
        actor=nhs_lead, project=team, member=member, organisation=nhs_org, reason="B"
    )
    assert selectors.open_objections(team) == ("Nhs Tester",)
    services.objection_decide(
        actor=industry_lead, project=team, objection=first, outcome="dismissed", reason="No"
    )
    assert selectors.open_objections(team) == ("Nhs Tester",)
    # The NHS lead is the trust's named lead, so someone takes over when they leave.
    successor = builders.add_member(team, nhs_lead, team_member, nhs_org, "analyst")
    services.team_member_remove(
        actor=nhs_lead,
        project=team,
        member=member,
        reason="Left",
        successor=successor,
        handover_note="Open actions passed on.",
    )
    assert selectors.open_objections(team) == ()


def test_parties_without_governance_committee(approved, nhs_lead, industry_lead, pharma_org):
    assert selectors.parties_without_governance_committee(approved) is None
    services.governance_seat_set(
        actor=industry_lead,
        project=approved,
        organisation=pharma_org,
        committee_role="legal",
        user=industry_lead,
    )
    assert set(selectors.parties_without_governance_committee(approved) or ()) == {
        "Test Hospitals NHS Trust",
        "Test Pharma Ltd",
    }
    services.governance_seat_set(
        actor=industry_lead,
        project=approved,
        organisation=pharma_org,
        committee_role="sro",
        user=industry_lead,
    )
    assert selectors.parties_without_governance_committee(approved) == ("Test Hospitals NHS Trust",)


def test_partner_people_lists_each_person_once(approved, nhs_lead, industry_lead, pharma_org):
    factories.member(
        "industry.lead@example.test", pharma_org, "governance_member", function="partnership"
    )
    people = selectors.partner_people(approved)
    users = [u for u, _ in people]
    assert users.count(industry_lead) == 1
    assert nhs_lead in users


def test_builders_sales_person_is_in_sales(pharma_org):
    person = builders.sales_person(pharma_org)
    assert person.memberships.get().function == "sales"
