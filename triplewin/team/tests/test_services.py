"""Team services: who may join, leaving, objections and governance seats."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests import factories
from triplewin.audit.models import AuditEvent
from triplewin.team import services
from triplewin.team.models import GovernanceCommitteeMember, Objection, TeamMember
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db


def _add(project, actor, user, org, **extra):
    return services.team_member_add(
        actor=actor, project=project, user=user, organisation=org, project_role="other", **extra
    )


def _messages(error: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return error.value.message_dict


def test_adding_a_declared_member_is_audited(approved, nhs_lead, industry_lead, pharma_org):
    builders.nil_return(industry_lead)
    member = _add(approved, nhs_lead, industry_lead, pharma_org)
    assert member.left_on is None
    assert member.joined_on == timezone.localdate()
    event = AuditEvent.objects.get(action="team.member_added")
    assert event.project_id == approved.pk
    assert event.actor == nhs_lead
    assert event.changes["organisation"] == [None, "Test Pharma Ltd"]
    assert event.changes["project_role"] == [None, "other"]


def test_a_team_member_joins_without_lead_or_decision_rights(
    approved, nhs_lead, team_member, nhs_org
):
    from triplewin.partnerships import access

    builders.nil_return(team_member)
    member = _add(approved, nhs_lead, team_member, nhs_org)
    assert member.organisation == nhs_org
    assert access.can_edit(team_member, approved) is False
    assert access.decision_organisations(team_member, approved) == []
    assert access.can_create_project(team_member) is False


def test_sales_staff_are_refused_next_to_the_person(approved, nhs_lead, pharma_org):
    sales = builders.sales_person(pharma_org)
    builders.nil_return(sales)
    with pytest.raises(ValidationError) as error:
        _add(approved, nhs_lead, sales, pharma_org)
    assert "sales function" in _messages(error)["user"][0]
    assert "ABPI Code" in _messages(error)["user"][0]
    assert not TeamMember.objects.exists()
    assert not AuditEvent.objects.filter(action="team.member_added").exists()


def test_sales_refusal_applies_even_with_another_non_sales_role(approved, nhs_lead, pharma_org):
    person = factories.member(
        "dual@example.test", pharma_org, "certification_signatory", function="medical"
    )
    factories.member("dual@example.test", pharma_org, "administrator", function="sales")
    builders.nil_return(person)
    with pytest.raises(ValidationError) as error:
        _add(approved, nhs_lead, person, pharma_org)
    assert "sales function" in _messages(error)["user"][0]


def test_person_without_any_declaration_is_refused(approved, nhs_lead, pharma_org):
    newcomer = factories.member(
        "newcomer@example.test",
        pharma_org,
        "partnership_lead",
        function="partnership",
        registered=False,
    )
    with pytest.raises(ValidationError) as error:
        _add(approved, nhs_lead, newcomer, pharma_org)
    assert "declared their interests or made a nil return" in _messages(error)["user"][0]
    assert not TeamMember.objects.exists()


def test_a_declaration_older_than_twelve_months_does_not_count(
    approved, nhs_lead, industry_lead, pharma_org
):
    builders.nil_return(industry_lead)
    next_year = timezone.localdate() + dt.timedelta(days=366)
    with pytest.raises(ValidationError) as error:
        _add(approved, nhs_lead, industry_lead, pharma_org, today=next_year)
    assert "last 12 months" in _messages(error)["user"][0]


def test_a_declared_interest_counts_as_a_declaration(approved, nhs_lead, industry_lead, pharma_org):
    builders.declare(industry_lead, pharma_org)
    assert _add(approved, nhs_lead, industry_lead, pharma_org).pk


def test_person_must_work_for_the_organisation_they_represent(
    approved, nhs_lead, industry_lead, nhs_org
):
    builders.nil_return(industry_lead)
    with pytest.raises(ValidationError) as error:
        _add(approved, nhs_lead, industry_lead, nhs_org)
    assert "does not work for Test Hospitals NHS Trust" in _messages(error)["user"][0]


def test_organisation_must_be_a_partner(approved, nhs_lead, outsider, other_org):
    builders.nil_return(outsider)
    with pytest.raises(ValidationError) as error:
        _add(approved, nhs_lead, outsider, other_org)
    assert "is not a partner" in _messages(error)["organisation"][0]


def test_duplicate_active_member_is_refused(team, nhs_lead, industry_lead, pharma_org):
    with pytest.raises(ValidationError) as error:
        _add(team, nhs_lead, industry_lead, pharma_org)
    assert "already on the team" in _messages(error)["user"][0]
    assert TeamMember.objects.filter(user=industry_lead).count() == 1


def test_joining_date_cannot_be_in_the_future(approved, nhs_lead, industry_lead, pharma_org):
    builders.nil_return(industry_lead)
    with pytest.raises(ValidationError) as error:
        _add(
            approved,
            nhs_lead,
            industry_lead,
            pharma_org,
            joined_on=timezone.localdate() + dt.timedelta(days=1),
        )
    assert "joined_on" in _messages(error)


@pytest.mark.parametrize("state", ["scoping", "completed", "outcomes_published"])
def test_team_is_fixed_outside_its_window(project, nhs_lead, industry_lead, pharma_org, state):
    builders.advance(project, nhs_lead, state)
    builders.nil_return(industry_lead)
    with pytest.raises(ValidationError, match="The team cannot change"):
        _add(project, nhs_lead, industry_lead, pharma_org)
    assert not TeamMember.objects.exists()


@pytest.mark.parametrize("state", ["setup", "pid_approved", "in_delivery"])
def test_team_can_change_from_approval_until_delivery_ends(
    project, nhs_lead, industry_lead, pharma_org, state
):
    builders.advance(project, nhs_lead, state)
    builders.nil_return(industry_lead)
    assert _add(project, nhs_lead, industry_lead, pharma_org).pk


def test_removing_needs_a_reason_and_keeps_the_record(team, nhs_lead, industry_lead):
    member = TeamMember.objects.get(user=industry_lead)
    with pytest.raises(ValidationError) as error:
        services.team_member_remove(actor=nhs_lead, project=team, member=member, reason="  ")
    assert "reason" in _messages(error)
    services.team_member_remove(
        actor=nhs_lead, project=team, member=member, reason="Moved to another role"
    )
    member.refresh_from_db()
    assert member.left_on == timezone.localdate()
    assert member.left_reason == "Moved to another role"
    event = AuditEvent.objects.get(action="team.member_removed")
    assert event.changes["left_reason"] == ["", "Moved to another role"]
    with pytest.raises(ValidationError, match="already left"):
        services.team_member_remove(actor=nhs_lead, project=team, member=member, reason="Again")


def test_a_former_member_can_rejoin(team, nhs_lead, industry_lead, pharma_org):
    member = TeamMember.objects.get(user=industry_lead)
    services.team_member_remove(actor=nhs_lead, project=team, member=member, reason="Leave")
    assert _add(team, nhs_lead, industry_lead, pharma_org).pk != member.pk


def _object(team, actor, member, org, reason="Advises a competitor"):
    return services.objection_raise(
        actor=actor, project=team, member=member, organisation=org, reason=reason
    )


def test_a_partner_may_object_to_a_member(team, industry_lead, nhs_lead, pharma_org):
    member = TeamMember.objects.get(user=nhs_lead)
    objection = _object(team, industry_lead, member, pharma_org)
    assert objection.is_open
    assert objection.raised_by == industry_lead
    event = AuditEvent.objects.get(action="team.objection_raised")
    assert event.changes["reason"] == [None, "Advises a competitor"]


def test_objecting_needs_authority_at_the_organisation(team, oversight, nhs_lead, nhs_org):
    member = TeamMember.objects.get(user=nhs_lead)
    with pytest.raises(ValidationError) as error:
        _object(team, oversight, member, nhs_org)
    assert "not authorised" in _messages(error)["organisation"][0]
    assert not Objection.objects.exists()


def test_objection_needs_a_reason_and_a_partner(
    team, industry_lead, nhs_lead, pharma_org, outsider, other_org
):
    member = TeamMember.objects.get(user=nhs_lead)
    with pytest.raises(ValidationError) as error:
        _object(team, industry_lead, member, pharma_org, reason="")
    assert "reason" in _messages(error)
    with pytest.raises(ValidationError) as error:
        _object(team, outsider, member, other_org)
    assert "organisation" in _messages(error)


def test_one_open_objection_per_partner_and_member(team, industry_lead, nhs_lead, pharma_org):
    member = TeamMember.objects.get(user=nhs_lead)
    _object(team, industry_lead, member, pharma_org)
    with pytest.raises(ValidationError, match="already objected"):
        _object(team, industry_lead, member, pharma_org)


def test_upholding_an_objection_removes_the_member(team, industry_lead, nhs_lead, pharma_org):
    member = TeamMember.objects.get(user=nhs_lead)
    objection = _object(team, industry_lead, member, pharma_org)
    services.objection_decide(
        actor=industry_lead,
        project=team,
        objection=objection,
        outcome="upheld",
        reason="The interest is material",
    )
    member.refresh_from_db()
    objection.refresh_from_db()
    assert objection.outcome == "upheld"
    assert objection.decided_by == industry_lead
    assert objection.decided_at is not None
    assert member.left_on == timezone.localdate()
    assert member.left_reason == "Objection from Test Pharma Ltd upheld: The interest is material"
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"team.objection_upheld", "team.member_removed"} <= actions


def test_dismissing_keeps_the_member_and_is_final(team, industry_lead, nhs_lead, pharma_org):
    member = TeamMember.objects.get(user=nhs_lead)
    objection = _object(team, industry_lead, member, pharma_org)
    with pytest.raises(ValidationError) as error:
        services.objection_decide(
            actor=industry_lead, project=team, objection=objection, outcome="open", reason="x"
        )
    assert "outcome" in _messages(error)
    services.objection_decide(
        actor=industry_lead,
        project=team,
        objection=objection,
        outcome="dismissed",
        reason="Historic",
    )
    member.refresh_from_db()
    assert member.left_on is None
    with pytest.raises(ValidationError, match="cannot be changed"):
        services.objection_decide(
            actor=nhs_lead, project=team, objection=objection, outcome="upheld", reason="Changed"
        )
    objection.refresh_from_db()
    assert objection.outcome == "dismissed"
    assert AuditEvent.objects.filter(action__startswith="team.objection_").count() == 2


def test_objection_to_someone_who_left_needs_no_decision(
    team, industry_lead, nhs_lead, pharma_org, team_member, nhs_org
):
    member = TeamMember.objects.get(user=nhs_lead)
    objection = _object(team, industry_lead, member, pharma_org)
    successor = builders.add_member(team, nhs_lead, team_member, nhs_org, "analyst")
    services.team_member_remove(
        actor=nhs_lead,
        project=team,
        member=member,
        reason="Left",
        successor=successor,
        handover_note="Over to the analyst.",
    )
    with pytest.raises(ValidationError, match="already left"):
        services.objection_decide(
            actor=nhs_lead, project=team, objection=objection, outcome="upheld", reason="x"
        )


def test_governance_seat_set_replace_and_remove(
    approved, nhs_lead, industry_lead, governance_member, pharma_org
):
    seat = services.governance_seat_set(
        actor=industry_lead,
        project=approved,
        organisation=pharma_org,
        committee_role="sro",
        user=industry_lead,
    )
    again = services.governance_seat_set(
        actor=industry_lead,
        project=approved,
        organisation=pharma_org,
        committee_role="sro",
        user=governance_member,
    )
    assert again.pk == seat.pk
    assert GovernanceCommitteeMember.objects.get().user == governance_member
    events = AuditEvent.objects.filter(action="team.governance_seat_set").order_by("id")
    assert [e.changes["person"] for e in events] == [
        [None, "Industry Tester"],
        ["Industry Tester", "Governance Tester"],
    ]
    services.governance_seat_remove(actor=industry_lead, project=approved, seat=again)
    assert not GovernanceCommitteeMember.objects.exists()
    assert AuditEvent.objects.filter(action="team.governance_seat_removed").exists()


def test_governance_seat_refusals(approved, nhs_lead, industry_lead, nhs_org, other_org, outsider):
    with pytest.raises(ValidationError) as error:
        services.governance_seat_set(
            actor=nhs_lead,
            project=approved,
            organisation=nhs_org,
            committee_role="sro",
            user=industry_lead,
        )
    assert "does not work for" in _messages(error)["user"][0]
    with pytest.raises(ValidationError) as error:
        services.governance_seat_set(
            actor=nhs_lead,
            project=approved,
            organisation=other_org,
            committee_role="sro",
            user=outsider,
        )
    assert "organisation" in _messages(error)
    with pytest.raises(ValidationError) as error:
        services.governance_seat_set(
            actor=nhs_lead,
            project=approved,
            organisation=nhs_org,
            committee_role="king",
            user=nhs_lead,
        )
    assert "committee_role" in _messages(error)
    assert not GovernanceCommitteeMember.objects.exists()


def test_a_member_cannot_decide_an_objection_about_themselves(
    team, industry_lead, nhs_lead, pharma_org
):
    member = TeamMember.objects.get(user=nhs_lead)
    objection = _object(team, industry_lead, member, pharma_org)
    with pytest.raises(ValidationError, match="about yourself"):
        services.objection_decide(
            actor=nhs_lead, project=team, objection=objection, outcome="dismissed", reason="Fine"
        )
    objection.refresh_from_db()
    assert objection.is_open
