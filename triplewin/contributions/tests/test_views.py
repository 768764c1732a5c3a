"""Contribution pages, tried as each of the seven roles."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.roles import EDIT, READ, matrix
from triplewin.audit.models import AuditEvent
from triplewin.contributions import services
from triplewin.contributions.models import Contribution
from triplewin.contributions.tests.conftest import move_to

pytestmark = pytest.mark.django_db


def _post(org, **extra):
    data = {
        "organisation": str(org.pk),
        "kind": "staff_time",
        "description": "Specialist nurse clinics",
        "role": "Specialist nurse",
        "hours": "120",
        "value": "",
    }
    data.update(extra)
    return data


@pytest.fixture
def item(approved, nhs_lead, nhs_org):
    return services.contribution_add(
        actor=nhs_lead,
        project=approved,
        fields={
            "organisation": nhs_org,
            "kind": "skills",
            "description": "Cardiology advice",
        },
    )


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_list_by_role(client_for, approved, item, role, status):
    response = client_for(role).get(reverse("contributions:list", args=[approved.pk]))
    assert response.status_code == status
    if status == 200:
        assert "Cardiology advice" in response.content.decode()


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_proportionality_by_role(client_for, approved, item, role, status):
    response = client_for(role).get(reverse("contributions:proportionality", args=[approved.pk]))
    assert response.status_code == status


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_add_by_role(client_for, approved, nhs_org, role, status):
    client = client_for(role)
    url = reverse("contributions:add", args=[approved.pk])
    assert client.get(url).status_code == status
    response = client.post(url, _post(nhs_org))
    if status == 200:
        assert response.status_code == 302
        assert Contribution.objects.get().role == "Specialist nurse"
    else:
        assert response.status_code == status
        assert not Contribution.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_edit_by_role(client_for, approved, item, nhs_org, role, status):
    client = client_for(role)
    url = reverse("contributions:edit", args=[approved.pk, item.pk])
    assert client.get(url).status_code == status
    response = client.post(url, _post(nhs_org, kind="skills", row_version="1"))
    item.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert item.kind == "skills"
        assert item.description == "Specialist nurse clinics"
    else:
        assert response.status_code == status
        assert item.description == "Cardiology advice"


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_remove_by_role(client_for, approved, item, role, status):
    client = client_for(role)
    url = reverse("contributions:remove", args=[approved.pk, item.pk])
    assert client.get(url).status_code == status
    response = client.post(url)
    if status == 200:
        assert response.status_code == 302
        assert not Contribution.objects.exists()
    else:
        assert response.status_code == status
        assert Contribution.objects.count() == 1


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"role": ""}, "Say which role gives the staff time"),
        ({"hours": "lots"}, "Enter hours as a number"),
        ({"hours": "-4"}, "Hours cannot be negative"),
        ({"value": "-100"}, "The value cannot be negative"),
        ({"value": "12.50"}, "Enter a whole number of pounds"),
        ({"value": "9" * 30}, "Enter a value below"),
        ({"kind": ""}, "Choose what kind of contribution this is"),
        ({"description": ""}, "Describe what is being contributed"),
        ({"organisation": "999999"}, "Choose one of the project&#39;s partners"),
        ({"organisation": "Dr Smith"}, "Choose one of the project&#39;s partners"),
        ({"is_funded_post": "on"}, "must stay under NHS control"),
    ],
)
def test_bad_input_is_400_with_the_message_and_writes_nothing(
    client_for, approved, nhs_org, extra, message
):
    response = client_for("nhs_lead").post(
        reverse("contributions:add", args=[approved.pk]), _post(nhs_org, **extra)
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert message in body
    assert "nhsuk-error-message" in body
    assert not Contribution.objects.exists()


def test_a_non_partner_organisation_is_refused(client_for, approved, other_org):
    response = client_for("nhs_lead").post(
        reverse("contributions:add", args=[approved.pk]), _post(other_org)
    )
    assert response.status_code == 400
    assert not Contribution.objects.exists()


def test_funded_post_without_exit_strategy_is_saved_and_flagged(client_for, approved, pharma_org):
    client = client_for("industry_lead")
    response = client.post(
        reverse("contributions:add", args=[approved.pk]),
        _post(
            pharma_org,
            kind="money",
            value="40000",
            is_funded_post="on",
            under_nhs_control="on",
        ),
    )
    assert response.status_code == 302
    body = client.get(reverse("contributions:list", args=[approved.pk])).content.decode()
    assert "Exit strategy needed" in body
    assert "No exit strategy yet" in body


def test_stale_edit_is_refused(client_for, approved, item, nhs_org, nhs_lead):
    services.contribution_update(
        actor=nhs_lead, contribution=item, fields={"description": "Changed"}, expected_version=1
    )
    response = client_for("industry_lead").post(
        reverse("contributions:edit", args=[approved.pk, item.pk]),
        _post(nhs_org, row_version="1"),
    )
    assert response.status_code == 400
    assert "Someone else saved changes" in response.content.decode()
    item.refresh_from_db()
    assert item.description == "Changed"


def test_adding_after_delivery_starts_is_refused(client_for, approved, nhs_org):
    move_to(approved, "in_delivery")
    response = client_for("nhs_lead").post(
        reverse("contributions:add", args=[approved.pk]), _post(nhs_org)
    )
    assert response.status_code == 400
    assert "project amendment" in response.content.decode()
    assert not Contribution.objects.exists()


def test_removing_after_delivery_starts_is_refused(client_for, approved, item):
    move_to(approved, "in_delivery")
    response = client_for("nhs_lead").post(
        reverse("contributions:remove", args=[approved.pk, item.pk])
    )
    assert response.status_code == 400
    assert "project amendment" in response.content.decode()
    assert Contribution.objects.count() == 1
    assert not AuditEvent.objects.filter(action="contribution.removed").exists()


def test_item_of_another_project_is_404(client_for, approved, item, nhs_lead, nhs_org):
    from tests import factories

    other = factories.project(actor=nhs_lead, lead=nhs_org, title="Another")
    url = reverse("contributions:edit", args=[other.pk, item.pk])
    assert client_for("nhs_lead").get(url).status_code == 404


def test_proportionality_flags_a_party_with_nothing(client_for, approved, item, pharma_org):
    body = (
        client_for("oversight")
        .get(reverse("contributions:proportionality", args=[approved.pk]))
        .content.decode()
    )
    assert "Check this is significant" in body
    assert "NHS contributions are often not money" in body
    assert pharma_org.name in body


def test_proportionality_shares(client_for, approved, nhs_lead, nhs_org, pharma_org):
    for org, value in ((nhs_org, 20000), (pharma_org, 60000)):
        services.contribution_add(
            actor=nhs_lead,
            project=approved,
            fields={
                "organisation": org,
                "kind": "money",
                "description": "Funding",
                "value": Decimal(value),
            },
        )
    body = (
        client_for("nhs_lead")
        .get(reverse("contributions:proportionality", args=[approved.pk]))
        .content.decode()
    )
    assert "25%" in body
    assert "75%" in body
    assert "£80,000" in body
    assert "Check this is significant" not in body


def test_empty_post_is_400(client_for, approved):
    response = client_for("nhs_lead").post(reverse("contributions:add", args=[approved.pk]), {})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Choose the partner organisation that brings this" in body
    assert not Contribution.objects.exists()
