"""Hand-overs when a member leaves, named leads, and the company committee seats (ADR 0019).

Enforces the guidance's call for few changes of personnel or, failing that, well-run handovers
(NHS Confederation/ABPI guidance 2024, Key resource: Steps to build trust, Continuity) and its
list of potential governance committee members (a pharmaceutical legal director and a medical /
compliance director; Establishing a robust governance framework).
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.roles import EDIT, matrix
from triplewin.audit.models import AuditEvent
from triplewin.partnerships.models import ProjectPartner
from triplewin.team import selectors, services
from triplewin.team.models import TeamMember
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst(team, nhs_lead, team_member, nhs_org):
    """A second NHS member, who can take over from the trust's named lead."""
    return builders.add_member(team, nhs_lead, team_member, nhs_org, "analyst")


def _lead_member(team, nhs_lead):
    return TeamMember.objects.get(project=team, user=nhs_lead)


def test_the_named_lead_cannot_leave_without_a_successor(team, nhs_lead, analyst):
    with pytest.raises(ValidationError) as error:
        services.team_member_remove(
            actor=nhs_lead, project=team, member=_lead_member(team, nhs_lead), reason="New job"
        )
    message = error.value.message_dict["successor"][0]
    assert "is the named lead for Test Hospitals NHS Trust" in message
    assert _lead_member(team, nhs_lead).left_on is None


@pytest.mark.parametrize(
    ("successor_of", "note", "field", "message"),
    [
        ("industry", "Notes", "successor", "must also represent Test Hospitals NHS Trust"),
        ("self", "Notes", "successor", "cannot take over from themselves"),
        ("analyst", "  ", "handover_note", "needs to know to take over"),
    ],
)
def test_a_successor_is_checked(
    team, nhs_lead, industry_lead, analyst, successor_of, note, field, message
):
    leaving = _lead_member(team, nhs_lead)
    successor = {
        "industry": TeamMember.objects.get(project=team, user=industry_lead),
        "self": leaving,
        "analyst": analyst,
    }[successor_of]
    with pytest.raises(ValidationError) as error:
        services.team_member_remove(
            actor=nhs_lead,
            project=team,
            member=leaving,
            reason="New job",
            successor=successor,
            handover_note=note,
        )
    assert message in error.value.message_dict[field][0]


def test_a_handover_names_the_successor_who_becomes_the_lead(team, nhs_lead, team_member, analyst):
    leaving = services.team_member_remove(
        actor=nhs_lead,
        project=team,
        member=_lead_member(team, nhs_lead),
        reason="New job",
        successor=analyst,
        handover_note="Three open actions; the IRC meets on the 4th.",
    )
    assert leaving.handed_over_to == analyst
    assert leaving.handover_note.startswith("Three open actions")
    partner = ProjectPartner.objects.get(project=team, organisation=analyst.organisation)
    assert partner.lead == team_member
    removed = AuditEvent.objects.get(action="team.member_removed")
    assert removed.changes["handed_over_to"] == [None, "Team Tester"]
    assert AuditEvent.objects.filter(action="project.partner_lead_named").exists()
    assert (
        selectors.partners_without_named_lead(team) == ("Test Pharma Ltd (no named lead)",)
        or selectors.partners_without_named_lead(team) == ()
    )


def test_a_member_who_is_not_a_lead_may_leave_without_a_successor(team, nhs_lead, industry_lead):
    member = TeamMember.objects.get(project=team, user=industry_lead)
    services.team_member_remove(actor=nhs_lead, project=team, member=member, reason="Moved")
    member.refresh_from_db()
    assert member.handed_over_to is None


def test_a_partner_whose_lead_left_is_flagged(team, nhs_lead, industry_lead, pharma_org):
    partner = ProjectPartner.objects.get(project=team, organisation=pharma_org)
    partner.lead = None
    partner.save()
    assert "Test Pharma Ltd (no named lead)" in selectors.partners_without_named_lead(team)
    partner.lead = industry_lead
    partner.save()
    assert selectors.partners_without_named_lead(team) == ()
    # An objection upheld takes the lead off the team without a successor: the rule flags it.
    member = TeamMember.objects.get(project=team, user=industry_lead)
    objection = services.objection_raise(
        actor=nhs_lead,
        project=team,
        member=member,
        organisation=member.project.partners.get(lead=nhs_lead).organisation,
        reason="Conflict",
    )
    services.objection_decide(
        actor=nhs_lead, project=team, objection=objection, outcome="upheld", reason="Agreed"
    )
    assert selectors.partners_without_named_lead(team) == (
        "Test Pharma Ltd (its named lead, Industry Tester, has left the team)",
    )


def test_company_committee_seats(team, nhs_lead, industry_lead, governance_member, pharma_org):
    assert selectors.company_committees_missing_seats(team) is None
    services.governance_seat_set(
        actor=nhs_lead,
        project=team,
        organisation=pharma_org,
        committee_role="sro",
        user=industry_lead,
    )
    assert selectors.company_committees_missing_seats(team) == (
        "Test Pharma Ltd (no legal and no medical or compliance seat)",
    )
    services.governance_seat_set(
        actor=nhs_lead,
        project=team,
        organisation=pharma_org,
        committee_role="legal",
        user=governance_member,
    )
    services.governance_seat_set(
        actor=nhs_lead,
        project=team,
        organisation=pharma_org,
        committee_role="medical_compliance",
        user=industry_lead,
    )
    assert selectors.company_committees_missing_seats(team) == ()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_handover_by_role(client_for, team, nhs_lead, analyst, team_member, role, status):
    leaving = _lead_member(team, nhs_lead)
    url = reverse("team:remove", args=[team.pk, leaving.pk])
    client = client_for(role)
    got = client.get(url)
    assert got.status_code == status
    if status == 200:
        assert "is the named lead for Test Hospitals NHS Trust" in got.content.decode()
    response = client.post(
        url,
        {"reason": "New job", "successor": str(analyst.pk), "handover_note": "Actions passed on."},
    )
    leaving.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert leaving.handed_over_to == analyst
        page = client.get(reverse("team:detail", args=[team.pk])).content.decode()
        assert "Taken over by Team Tester" in page
        assert "Actions passed on." in page
    else:
        assert response.status_code == status
        assert leaving.left_on is None


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"reason": "Gone"}, "successor", "is the named lead"),
        ({"reason": "Gone", "successor": "999999"}, "successor", "still on the team"),
        ({"reason": "Gone", "successor": "abc"}, "successor", "still on the team"),
    ],
)
def test_bad_handovers_are_explained(client_for, team, nhs_lead, analyst, data, field, message):
    leaving = _lead_member(team, nhs_lead)
    response = client_for("nhs_lead").post(reverse("team:remove", args=[team.pk, leaving.pk]), data)
    assert response.status_code == 400
    assert message in builders.field_error(response, field)
    leaving.refresh_from_db()
    assert leaving.left_on is None


def test_the_governance_page_suggests_the_missing_company_seats(
    client_for, team, nhs_lead, industry_lead, pharma_org
):
    services.governance_seat_set(
        actor=nhs_lead,
        project=team,
        organisation=pharma_org,
        committee_role="sro",
        user=industry_lead,
    )
    body = client_for("industry_lead").get(reverse("team:governance", args=[team.pk])).content
    text = body.decode()
    assert "Test Pharma Ltd: no legal, medical or compliance seat named yet." in text
    assert "Test Pharma Ltd's standing approval route" in text
    team_page = client_for("nhs_lead").get(reverse("team:detail", args=[team.pk])).content
    assert "No legal seat" in team_page.decode()
