"""The register pages, tried as each of the seven roles."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.roles import READ, ROLES, matrix
from triplewin.conflicts import services
from triplewin.conflicts.models import Declaration, NilReturn, RegisterConfirmation
from triplewin.team import services as team_services
from triplewin.team.models import TeamMember
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db

# The own-register pages: every signed-in person has a register; anonymous people sign in first.
SIGNED_IN = dict.fromkeys(ROLES, 200) | {"anonymous": 302}


def _declaration_post(**extra):
    data = {
        "category": "financial",
        "interest_type": "hospitality",
        "description": "Dinner after an advisory board",
        "organisation_name": "Acme Pharma",
        "valid_from": "2025-05-01",
    }
    data.update(extra)
    return data


@pytest.mark.parametrize(("role", "status"), matrix(SIGNED_IN))
def test_my_register_by_role(client_for, role, status, roles):
    response = client_for(role).get(reverse("conflicts:register"))
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(reverse("accounts:sign-in"))
    else:
        assert "My declarations of interest" in response.content.decode()


@pytest.mark.parametrize(("role", "status"), matrix(SIGNED_IN))
def test_declare_by_role(client_for, roles, role, status):
    client = client_for(role)
    url = reverse("conflicts:declare")
    assert client.get(url).status_code == status
    response = client.post(url, _declaration_post())
    assert response.status_code == 302
    if role == "anonymous":
        assert not Declaration.objects.exists()
    else:
        assert Declaration.objects.get().user == roles[role]


def test_bad_declaration_keeps_input_and_shows_the_message(client_for, roles):
    response = client_for("outsider").post(
        reverse("conflicts:declare"),
        _declaration_post(valid_from="2025-02-30", description="Typed text survives"),
    )
    assert response.status_code == 400
    assert builders.field_error(response, "valid_from") == "Enter a real date"
    assert "Typed text survives" in response.content.decode()
    assert not Declaration.objects.exists()


def test_declaration_without_organisation_is_refused_next_to_the_field(client_for, roles):
    response = client_for("nhs_lead").post(
        reverse("conflicts:declare"), _declaration_post(organisation_name="")
    )
    assert response.status_code == 400
    assert "Choose the organisation" in builders.field_error(response, "organisation")
    assert not Declaration.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_end_a_declaration_by_role(client_for, industry_lead, pharma_org, role):
    """Only the person who declared may end it; to everyone else it does not exist."""
    declaration = builders.declare(industry_lead, pharma_org)
    client = client_for(role)
    url = reverse("conflicts:end", args=[declaration.pk])
    expected = {"industry_lead": 200, "anonymous": 302}.get(role, 404)
    assert client.get(url).status_code == expected
    response = client.post(url, {"valid_to": "2025-06-30"})
    declaration.refresh_from_db()
    if role == "industry_lead":
        assert response.status_code == 302
        assert declaration.valid_to == dt.date(2025, 6, 30)
    else:
        assert response.status_code == expected
        assert declaration.valid_to is None


def test_ending_before_the_start_is_refused_next_to_the_field(
    client_for, industry_lead, pharma_org
):
    declaration = builders.declare(industry_lead, pharma_org)
    response = client_for("industry_lead").post(
        reverse("conflicts:end", args=[declaration.pk]), {"valid_to": "2020-01-01"}
    )
    assert response.status_code == 400
    assert "on or after the day the interest started" in builders.field_error(response, "valid_to")
    declaration.refresh_from_db()
    assert declaration.valid_to is None


@pytest.mark.parametrize("role", ROLES)
def test_nil_return_by_role(client_for, roles, role):
    response = client_for(role).post(reverse("conflicts:nil-return"))
    assert response.status_code == 302
    if role == "anonymous":
        assert response["Location"].startswith(reverse("accounts:sign-in"))
        assert not NilReturn.objects.exists()
    else:
        assert response["Location"] == reverse("conflicts:register")
        assert NilReturn.objects.get().user == roles[role]


def test_nil_return_refused_with_an_interest_in_force(client_for, industry_lead, pharma_org):
    builders.declare(industry_lead, pharma_org)
    client = client_for("industry_lead")
    response = client.post(reverse("conflicts:nil-return"), follow=True)
    assert "so you cannot make a nil return" in response.content.decode()
    assert not NilReturn.objects.exists()


def test_nil_return_is_get_proof(client_for, roles):
    assert client_for("nhs_lead").get(reverse("conflicts:nil-return")).status_code == 405
    assert not NilReturn.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_confirm_by_role(client_for, roles, pharma_org, role):
    if roles[role] is not None:
        builders.declare(roles[role], pharma_org)
    response = client_for(role).post(reverse("conflicts:confirm"))
    assert response.status_code == 302
    if role == "anonymous":
        assert not RegisterConfirmation.objects.exists()
    else:
        assert RegisterConfirmation.objects.get().user == roles[role]


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_a_team_members_register_by_role(client_for, team, industry_lead, pharma_org, role, status):
    builders.declare(industry_lead, pharma_org, description="Shares in the partner company")
    response = client_for(role).get(reverse("conflicts:person", args=[industry_lead.pk]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Shares in the partner company" in body
        assert "Declare an interest" not in body or role == "industry_lead"


@pytest.mark.parametrize("role", ROLES)
def test_register_of_someone_on_no_team_is_private(client_for, roles, governance_member, role):
    services.nil_return_make(actor=governance_member)
    response = client_for(role).get(reverse("conflicts:person", args=[governance_member.pk]))
    assert response.status_code == (200 if role == "governance_member" else 404)


def test_register_is_hidden_once_the_person_leaves_the_team(
    client_for, team, nhs_lead, industry_lead
):
    url = reverse("conflicts:person", args=[industry_lead.pk])
    assert client_for("oversight").get(url).status_code == 200
    member = TeamMember.objects.get(user=industry_lead)
    team_services.team_member_remove(actor=nhs_lead, project=team, member=member, reason="Left")
    assert client_for("oversight").get(url).status_code == 404
    assert client_for("industry_lead").get(url).status_code == 200


def test_unknown_person_is_a_404(client_for, roles):
    assert client_for("nhs_lead").get(reverse("conflicts:person", args=[999999])).status_code == 404
