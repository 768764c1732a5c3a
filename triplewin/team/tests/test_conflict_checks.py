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
    checks.conflicted(team, lead=nhs_lead, person=industry_lead)
    member = TeamMember.objects.get(user=nhs_lead)
    objection = checks.refused_until_managed(
        lambda: _object(team, industry_lead, member, pharma_org),
        project=team,
        by=nhs_lead,
        person=industry_lead,
        decision=DecisionKind.OBJECTION,
        action="team.objection_raised",
        nothing_recorded=lambda: not Objection.objects.exists(),
    )
    assert objection.raised_by == industry_lead


def test_deciding_an_objection(team, nhs_lead, industry_lead, pharma_org):
    member = TeamMember.objects.get(user=nhs_lead)
    objection = _object(team, industry_lead, member, pharma_org)
    checks.conflicted(team, lead=nhs_lead, person=industry_lead)
    decided = checks.refused_until_managed(
        lambda: services.objection_decide(
            actor=industry_lead,
            project=team,
            objection=objection,
            outcome="dismissed",
            reason="The interest is historic.",
        ),
        project=team,
        by=nhs_lead,
        person=industry_lead,
        decision=DecisionKind.OBJECTION,
        action="team.objection_dismissed",
        nothing_recorded=lambda: Objection.objects.get(pk=objection.pk).is_open,
    )
    assert decided.outcome == "dismissed"


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
