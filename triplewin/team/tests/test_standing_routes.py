"""Standing approval routes: set once by an organisation, copied onto each new project (ADR 0019).

Answers the obstacle NHS staff name, that the governance route to sign-off is often unclear
(NHS Confederation briefing, Opportunities, openness and obstacles), and follows the
guidance's governance committees (NHS Confederation/ABPI guidance 2024, Establishing a robust
governance framework).
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests import factories
from tests.roles import EDIT, matrix
from triplewin.audit.models import AuditEvent
from triplewin.organisations.models import Membership, StandingRoute, StandingSeat
from triplewin.partnerships.errors import StaleEdit
from triplewin.team import standing
from triplewin.team.models import GovernanceCommitteeMember, SignOffRoute

pytestmark = pytest.mark.django_db

ROUTE = "Concept: head of partnerships. PID: the UK partnership committee, monthly."


@pytest.fixture
def company_route(pharma_org, industry_lead, governance_member):
    standing.standing_seat_set(
        actor=industry_lead, organisation=pharma_org, committee_role="sro", user=industry_lead
    )
    standing.standing_seat_set(
        actor=industry_lead,
        organisation=pharma_org,
        committee_role="legal",
        user=governance_member,
    )
    # Naming the first seat started the route, at version 1.
    standing.standing_route_text_set(
        actor=industry_lead, organisation=pharma_org, sign_off_route=ROUTE, expected_version=1
    )
    return StandingRoute.objects.get(organisation=pharma_org)


def test_a_new_project_starts_from_the_standing_route(company_route, nhs_lead, nhs_org, pharma_org):
    project = factories.project(actor=nhs_lead, lead=nhs_org, partners=[pharma_org])
    seats = {
        s.committee_role: s.user.username
        for s in GovernanceCommitteeMember.objects.filter(project=project, organisation=pharma_org)
    }
    assert seats == {"sro": "industry.lead@example.test", "legal": "governance@example.test"}
    assert SignOffRoute.objects.get(project=project, organisation=pharma_org).text == ROUTE
    event = AuditEvent.objects.get(action="team.standing_route_applied")
    assert event.project_id == project.pk
    # The project's copy changes alone; the standing route stays.
    standing.sign_off_route_set(
        actor=nhs_lead,
        project=project,
        organisation=pharma_org,
        text="For this project: the oncology committee.",
        expected_version=1,
    )
    company_route.refresh_from_db()
    assert company_route.sign_off_route == ROUTE
    with pytest.raises(StaleEdit):
        standing.sign_off_route_set(
            actor=nhs_lead, project=project, organisation=pharma_org, text="X", expected_version=1
        )


def test_someone_who_left_the_organisation_is_not_copied(
    company_route, nhs_lead, nhs_org, pharma_org, governance_member
):
    Membership.objects.filter(user=governance_member, organisation=pharma_org).delete()
    project = factories.project(actor=nhs_lead, lead=nhs_org, partners=[pharma_org])
    roles = set(
        GovernanceCommitteeMember.objects.filter(project=project).values_list(
            "committee_role", flat=True
        )
    )
    assert roles == {"sro"}


@pytest.mark.parametrize(
    ("who", "seat", "message"),
    [
        ("nhs_lead", "sro", "cannot change Test Pharma Ltd's standing approval route"),
        ("industry_lead", "treasurer", "Choose the seat on the committee"),
    ],
)
def test_seats_are_checked(pharma_org, nhs_lead, industry_lead, who, seat, message):
    actor = {"nhs_lead": nhs_lead, "industry_lead": industry_lead}[who]
    with pytest.raises(ValidationError, match=message):
        standing.standing_seat_set(
            actor=actor, organisation=pharma_org, committee_role=seat, user=industry_lead
        )
    assert not StandingSeat.objects.exists()


def test_sales_staff_cannot_hold_a_standing_seat(pharma_org, industry_lead):
    seller = factories.member("seller@example.test", pharma_org, "team_member", function="sales")
    with pytest.raises(ValidationError, match="sales function"):
        standing.standing_seat_set(
            actor=industry_lead, organisation=pharma_org, committee_role="legal", user=seller
        )


# Members of the company see its route; its lead and committee member may change it.
STANDING_READ = {
    "nhs_lead": 404,
    "industry_lead": 200,
    "governance_member": 200,
    "team_member": 404,
    "oversight": 404,
    "outsider": 404,
    "anonymous": 404,
}


@pytest.mark.parametrize(("role", "status"), matrix(STANDING_READ))
def test_standing_route_page_by_role(client_for, company_route, pharma_org, role, status):
    client = client_for(role)
    url = reverse("team:standing-route", args=[pharma_org.pk])
    response = client.get(url)
    assert response.status_code == status
    if status == 200:
        assert ROUTE in response.content.decode()
    posted = client.post(
        url, {"form": "route", "text": "New route", "row_version": str(company_route.row_version)}
    )
    company_route.refresh_from_db()
    if status == 200:
        assert posted.status_code == 302
        assert company_route.sign_off_route == "New route"
    else:
        assert posted.status_code == status
        assert company_route.sign_off_route == ROUTE


def test_standing_seat_form_explains_bad_input(client_for, pharma_org):
    url = reverse("team:standing-route", args=[pharma_org.pk])
    response = client_for("industry_lead").post(url, {"form": "seat", "user": "999"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Choose someone who works for this organisation." in body
    assert "Choose the seat on the committee." in body


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_project_sign_off_route_by_role(client_for, project, pharma_org, role, status):
    client = client_for(role)
    url = reverse("team:sign-off-route", args=[project.pk, pharma_org.pk])
    assert client.get(url).status_code == status
    response = client.post(url, {"text": "Monthly committee", "row_version": "0"})
    if status == 200:
        assert response.status_code == 302
        assert SignOffRoute.objects.get(project=project).text == "Monthly committee"
    else:
        assert response.status_code == status
        assert not SignOffRoute.objects.exists()
