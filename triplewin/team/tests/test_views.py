"""Every team view, tried as each of the seven roles."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories
from tests.roles import DECIDE, EDIT, READ, matrix
from triplewin.audit.models import AuditEvent
from triplewin.team import services
from triplewin.team.models import GovernanceCommitteeMember, Objection, TeamMember
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_team_page_by_role(client_for, team, role, status):
    response = client_for(role).get(reverse("team:detail", args=[team.pk]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Industry Tester" in body
        assert "Suggested team for primary care" in body
        assert "Clinical director of the primary care network" in body


def test_team_page_shows_the_suggestion_for_the_projects_setting(
    client_for, nhs_lead, nhs_org, pharma_org
):
    from tests import factories

    project = factories.project(
        actor=nhs_lead, lead=nhs_org, partners=[pharma_org], origin_setting="system"
    )
    body = client_for("nhs_lead").get(reverse("team:detail", args=[project.pk])).content.decode()
    assert "Head of medicines management" in body
    assert "Medical affairs lead" in body
    assert "primary care network" not in body


def test_team_page_offers_edits_only_to_editors(client_for, team):
    url = reverse("team:detail", args=[team.pk])
    assert "Add a team member" in client_for("nhs_lead").get(url).content.decode()
    body = client_for("governance_member").get(url).content.decode()
    assert "Add a team member" not in body
    assert "Object" in body
    body = client_for("oversight").get(url).content.decode()
    assert "Add a team member" not in body
    assert "Object<" not in body


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_add_member_by_role(client_for, approved, governance_member, pharma_org, role, status):
    builders.nil_return(governance_member)
    client = client_for(role)
    url = reverse("team:add", args=[approved.pk])
    assert client.get(url).status_code == status
    response = client.post(
        url,
        {"user": governance_member.pk, "organisation": pharma_org.pk, "project_role": "other"},
    )
    if status == 200:
        assert response.status_code == 302
        assert TeamMember.objects.get().user == governance_member
    else:
        assert response.status_code == status
        assert not TeamMember.objects.exists()


def test_adding_sales_staff_is_refused_next_to_the_person(client_for, approved, pharma_org):
    sales = builders.sales_person(pharma_org)
    builders.nil_return(sales)
    response = client_for("nhs_lead").post(
        reverse("team:add", args=[approved.pk]),
        {"user": sales.pk, "organisation": pharma_org.pk, "project_role": "other"},
    )
    assert response.status_code == 400
    assert "sales function" in builders.field_error(response, "user")
    assert "There is a problem" in response.content.decode()
    assert not TeamMember.objects.exists()


def test_adding_an_undeclared_person_is_refused(client_for, approved, roles, pharma_org):
    newcomer = factories.member(
        "newcomer@example.test",
        pharma_org,
        "governance_member",
        function="legal_compliance",
        registered=False,
    )
    response = client_for("industry_lead").post(
        reverse("team:add", args=[approved.pk]),
        {"user": newcomer.pk, "organisation": pharma_org.pk, "project_role": "other"},
    )
    assert response.status_code == 400
    assert "nil return" in builders.field_error(response, "user")
    assert not TeamMember.objects.exists()


def test_representing_an_organisation_you_do_not_work_for_is_refused(
    client_for, approved, governance_member, nhs_org
):
    builders.nil_return(governance_member)
    response = client_for("nhs_lead").post(
        reverse("team:add", args=[approved.pk]),
        {"user": governance_member.pk, "organisation": nhs_org.pk, "project_role": "other"},
    )
    assert response.status_code == 400
    assert "does not work for" in builders.field_error(response, "user")


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"user": "abc", "organisation": "x", "project_role": "king"},
        {"user": "999999", "organisation": "999999", "project_role": "other"},
        {"user": "1", "organisation": "1", "project_role": "other", "joined_on": "31/02/2026"},
    ],
)
def test_bad_add_input_is_a_400_not_a_500(client_for, approved, data):
    response = client_for("nhs_lead").post(reverse("team:add", args=[approved.pk]), data)
    assert response.status_code == 400
    assert not TeamMember.objects.exists()


def test_add_outside_the_window_is_refused(client_for, project, governance_member, pharma_org):
    builders.nil_return(governance_member)
    response = client_for("nhs_lead").post(
        reverse("team:add", args=[project.pk]),
        {"user": governance_member.pk, "organisation": pharma_org.pk, "project_role": "other"},
    )
    assert response.status_code == 400
    assert "The team cannot change" in response.content.decode()
    assert not TeamMember.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_remove_member_by_role(client_for, team, industry_lead, role, status):
    member = TeamMember.objects.get(user=industry_lead)
    client = client_for(role)
    url = reverse("team:remove", args=[team.pk, member.pk])
    assert client.get(url).status_code == status
    response = client.post(url, {"reason": "Changed jobs"})
    member.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert member.left_reason == "Changed jobs"
    else:
        assert response.status_code == status
        assert member.left_on is None


def test_removing_without_a_reason_is_refused(client_for, team, industry_lead):
    member = TeamMember.objects.get(user=industry_lead)
    response = client_for("nhs_lead").post(
        reverse("team:remove", args=[team.pk, member.pk]), {"reason": ""}
    )
    assert response.status_code == 400
    assert "Give a reason" in builders.field_error(response, "reason")
    member.refresh_from_db()
    assert member.left_on is None


@pytest.mark.parametrize(("role", "status"), matrix(DECIDE))
def test_raise_objection_by_role(client_for, team, nhs_lead, nhs_org, pharma_org, role, status):
    member = TeamMember.objects.get(user=nhs_lead)
    org = nhs_org if role == "nhs_lead" else pharma_org
    client = client_for(role)
    url = reverse("team:object", args=[team.pk, member.pk])
    assert client.get(url).status_code == status
    response = client.post(url, {"organisation": org.pk, "reason": "Advises a competitor"})
    if status == 200:
        assert response.status_code == 302
        assert Objection.objects.get().raised_for_organisation == org
    else:
        assert response.status_code == status
        assert not Objection.objects.exists()


def test_cannot_object_for_another_partner(client_for, team, nhs_lead, nhs_org):
    member = TeamMember.objects.get(user=nhs_lead)
    response = client_for("industry_lead").post(
        reverse("team:object", args=[team.pk, member.pk]),
        {"organisation": nhs_org.pk, "reason": "x"},
    )
    assert response.status_code == 400
    assert builders.field_error(response, "organisation")
    assert not Objection.objects.exists()


@pytest.fixture
def objection(team, nhs_lead, industry_lead, nhs_org, pharma_org):
    from tests import factories
    from triplewin.team.tests import builders

    clinician = factories.member("clinician@example.test", nhs_org, "partnership_lead")
    member = builders.add_member(team, nhs_lead, clinician, nhs_org, "clinical_lead")
    return services.objection_raise(
        actor=industry_lead, project=team, member=member, organisation=pharma_org, reason="Why"
    )


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_decide_objection_by_role(client_for, team, objection, role, status):
    client = client_for(role)
    url = reverse("team:decide", args=[team.pk, objection.pk])
    assert client.get(url).status_code == status
    response = client.post(url, {"outcome": "upheld", "reason": "Material interest"})
    objection.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert objection.outcome == "upheld"
        assert objection.member.left_on is not None
    else:
        assert response.status_code == status
        assert objection.outcome == "open"
        assert objection.member.left_on is None


def test_deciding_twice_is_refused(client_for, team, objection):
    url = reverse("team:decide", args=[team.pk, objection.pk])
    client = client_for("nhs_lead")
    assert client.post(url, {"outcome": "dismissed", "reason": "No"}).status_code == 302
    response = client.post(url, {"outcome": "upheld", "reason": "Yes"})
    assert response.status_code == 400
    assert "cannot be changed" in response.content.decode()
    objection.refresh_from_db()
    assert objection.outcome == "dismissed"


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_governance_page_by_role(client_for, approved, industry_lead, pharma_org, role, status):
    client = client_for(role)
    url = reverse("team:governance", args=[approved.pk])
    assert client.get(url).status_code == status
    response = client.post(
        url, {"organisation": pharma_org.pk, "committee_role": "sro", "user": industry_lead.pk}
    )
    if status == 200:
        assert response.status_code == 302
        assert GovernanceCommitteeMember.objects.get().user == industry_lead
    else:
        assert response.status_code == status
        assert not GovernanceCommitteeMember.objects.exists()


def test_naming_sales_staff_to_a_committee_is_refused_next_to_the_person(
    client_for, approved, pharma_org
):
    sales = builders.sales_person(pharma_org)
    response = client_for("industry_lead").post(
        reverse("team:governance", args=[approved.pk]),
        {"organisation": pharma_org.pk, "committee_role": "medical_compliance", "user": sales.pk},
    )
    assert response.status_code == 400
    assert "cannot sit on the project team or a governance committee" in builders.field_error(
        response, "user"
    )
    assert not GovernanceCommitteeMember.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_governance_seat_remove_by_role(
    client_for, approved, industry_lead, pharma_org, role, status
):
    seat = services.governance_seat_set(
        actor=industry_lead,
        project=approved,
        organisation=pharma_org,
        committee_role="sro",
        user=industry_lead,
    )
    before = AuditEvent.objects.count()
    response = client_for(role).post(reverse("team:governance-remove", args=[approved.pk, seat.pk]))
    if status == 200:
        assert response.status_code == 302
        assert not GovernanceCommitteeMember.objects.exists()
    else:
        assert response.status_code == status
        assert GovernanceCommitteeMember.objects.exists()
        assert AuditEvent.objects.count() == before


def test_records_of_another_project_are_not_found(client_for, team, nhs_lead, nhs_org):
    from tests import factories

    other = factories.project(actor=nhs_lead, lead=nhs_org)
    member = TeamMember.objects.filter(project=team).first()
    assert member is not None
    response = client_for("nhs_lead").get(reverse("team:remove", args=[other.pk, member.pk]))
    assert response.status_code == 404
