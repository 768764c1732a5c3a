"""The project's conflicts page and the chair's form, tried as each of the seven roles."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests import factories
from tests.roles import READ, matrix
from triplewin.conflicts.models import ConflictManagement, DecisionKind
from triplewin.team.tests import builders

pytestmark = pytest.mark.django_db

# Only the chair of the project team (the NHS lead in these fixtures) records an arrangement;
# the company's people may not, because the interest is in their own organisation.
MANAGE = {
    "nhs_lead": 200,
    "industry_lead": 403,
    "governance_member": 403,
    "team_member": 403,
    "oversight": 403,
    "outsider": 404,
    "anonymous": 404,
}


@pytest.fixture
def clinician(nhs_org: Any, pharma_org: Any) -> Any:
    user = factories.member("clinician@example.test", nhs_org, "governance_member")
    builders.declare(user, pharma_org, description="Holds 2,000 shares in the company.")
    return user


def _post(clinician: Any, **extra: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "declaration": clinician.declarations.get().pk,
        "decision": DecisionKind.PID_APPROVAL,
        "arrangement": "takes_part",
        "reason": "The shares are in a blind trust.",
    }
    data.update(extra)
    return data


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_conflicts_page_by_role(client_for, roles, team, clinician, role, status):
    response = client_for(role).get(reverse("conflicts:project", args=[team.pk]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Holds 2,000 shares in the company." in body
        assert "Not managed yet." in body
        manage_link = reverse("conflicts:manage", args=[team.pk, clinician.pk])
        assert (manage_link in body) is (role == "nhs_lead")


@pytest.mark.parametrize(("role", "status"), matrix(MANAGE))
def test_manage_form_by_role(client_for, roles, team, clinician, role, status):
    client = client_for(role)
    url = reverse("conflicts:manage", args=[team.pk, clinician.pk])
    assert client.get(url).status_code == status
    response = client.post(url, _post(clinician))
    if status == 200:
        assert response.status_code == 302
        assert response["Location"] == reverse("conflicts:project", args=[team.pk])
        record = ConflictManagement.objects.get()
        assert record.recorded_by == roles[role]
        page = client.get(response["Location"]).content.decode()
        assert "The shares are in a blind trust." in page
    else:
        assert response.status_code == status
        assert not ConflictManagement.objects.exists()


def test_a_person_without_a_conflict_has_no_form(client_for, team, roles):
    url = reverse("conflicts:manage", args=[team.pk, roles["team_member"].pk])
    assert client_for("nhs_lead").get(url).status_code == 404


def test_a_missing_reason_is_shown_next_to_the_field(client_for, roles, team, clinician):
    response = client_for("nhs_lead").post(
        reverse("conflicts:manage", args=[team.pk, clinician.pk]), _post(clinician, reason="")
    )
    assert response.status_code == 400
    assert builders.field_error(response, "reason") == "Give the reason for this arrangement."
    assert not ConflictManagement.objects.exists()


def test_an_unknown_declaration_is_refused_next_to_the_field(
    client_for, roles, team, clinician, other_org
):
    elsewhere = builders.declare(roles["team_member"], other_org)
    response = client_for("nhs_lead").post(
        reverse("conflicts:manage", args=[team.pk, clinician.pk]),
        _post(clinician, declaration=str(elsewhere.pk)),
    )
    assert response.status_code == 400
    assert builders.field_error(response, "declaration") == "Choose one of the interests listed."
    assert not ConflictManagement.objects.exists()
