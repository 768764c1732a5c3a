"""Objections are conflict-checked, and sales staff hold no governance committee seat."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.tests import checks
from triplewin.team import services
from triplewin.team.models import GovernanceCommitteeMember, Objection, TeamMember
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db


def _object(team, actor, member, organisation):
    return services.objection_raise(
        actor=actor,
        project=team,
        member=member,
        organisation=organisation,
        reason="Advises a competitor",
    )


def test_raising_an_objection(team, nhs_lead, industry_lead, pharma_org):
    checks.concern_product(team, nhs_lead)
    checks.declare_interest(industry_lead)
    member = TeamMember.objects.get(user=nhs_lead)
    checks.refused(lambda: _object(team, industry_lead, member, pharma_org))
    assert not Objection.objects.exists()
    checks.manage(team, by=nhs_lead, person=industry_lead, decision=DecisionKind.OBJECTION)
    assert _object(team, industry_lead, member, pharma_org).raised_by == industry_lead
    checks.assert_audited_as_managed("team.objection_raised")


def test_deciding_an_objection(team, nhs_lead, industry_lead, nhs_org, pharma_org):
    member = TeamMember.objects.get(user=nhs_lead)
    objection = _object(team, industry_lead, member, pharma_org)
    checks.concern_product(team, nhs_lead)
    checks.declare_interest(industry_lead)

    def decide():
        return services.objection_decide(
            actor=industry_lead,
            project=team,
            objection=objection,
            outcome="dismissed",
            reason="The interest is historic.",
        )

    checks.refused(decide)
    objection.refresh_from_db()
    assert objection.is_open
    checks.manage(team, by=nhs_lead, person=industry_lead, decision=DecisionKind.OBJECTION)
    assert decide().outcome == "dismissed"
    checks.assert_audited_as_managed("team.objection_dismissed")


def test_sales_staff_cannot_hold_a_governance_seat(approved, industry_lead, pharma_org):
    salesperson = builders.sales_person(pharma_org)
    with pytest.raises(ValidationError) as error:
        services.governance_seat_set(
            actor=industry_lead,
            project=approved,
            organisation=pharma_org,
            committee_role="medical_compliance",
            user=salesperson,
        )
    message = error.value.message_dict["user"][0]
    assert message == (
        "Sales Tester works in Test Pharma Ltd's sales function. The ABPI Code keeps sales staff "
        "out of collaborative and joint working, so they cannot sit on the project team or a "
        "governance committee. Choose someone from another part of the company."
    )
    assert not GovernanceCommitteeMember.objects.exists()


def test_the_team_refuses_sales_staff_with_the_same_message(approved, industry_lead, pharma_org):
    salesperson = builders.sales_person(pharma_org)
    with pytest.raises(ValidationError) as error:
        services.team_member_add(
            actor=industry_lead,
            project=approved,
            user=salesperson,
            organisation=pharma_org,
            project_role="other",
        )
    assert error.value.message_dict["user"][0].startswith(
        "Sales Tester works in Test Pharma Ltd's sales function. The ABPI Code keeps sales staff"
    )
