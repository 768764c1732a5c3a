"""Transfers of value pages, tried as each role."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.roles import READ, matrix
from triplewin.transfers.models import DisclosedYear, TransferOfValue
from triplewin.transfers.tests.builders import transfer
from triplewin.transfers.tests.conftest import RECORD

pytestmark = pytest.mark.django_db


def _post(recipient, **extra):
    data = {
        "recipient": recipient.pk,
        "year": "2024",
        "category": "joint_collaborative",
        "amount_money": "£12,500",
        "amount_benefits_in_kind": "",
        "note": "Specialist nurse sessions",
    }
    data.update(extra)
    return data


@pytest.fixture
def recorded(live, industry_lead, pharma_org, nhs_org):
    return transfer(
        actor=industry_lead,
        project=live,
        company=pharma_org,
        recipient=nhs_org,
        year=2024,
        note="Private working note",
    )


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_list_by_role(client_for, recorded, live, role, status):
    response = client_for(role).get(reverse("transfers:list", args=[live.pk]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "£1,000.00" in body
        assert "Private working note" in body  # members see the note; the public never does
        assert ("Record a transfer of value" in body) is (role == "industry_lead")


@pytest.mark.parametrize(("role", "status"), matrix(RECORD))
def test_add_by_role(client_for, live, nhs_org, pharma_org, role, status):
    client = client_for(role)
    url = reverse("transfers:add", args=[live.pk])
    assert client.get(url).status_code == status
    response = client.post(url, _post(nhs_org, company=pharma_org.pk))
    if status == 200:
        assert response.status_code == 302
        tov = TransferOfValue.objects.get()
        assert tov.amount_money == 12500
        assert (tov.company, tov.year) == (pharma_org, 2024)
    else:
        assert response.status_code == status
        assert not TransferOfValue.objects.exists()


def test_signatory_may_add(live, signatory, nhs_org, pharma_org, client):
    client.force_login(signatory)
    response = client.post(
        reverse("transfers:add", args=[live.pk]), _post(nhs_org, company=pharma_org.pk)
    )
    assert response.status_code == 302
    assert TransferOfValue.objects.get().recorded_by == signatory


def test_add_keeps_input_and_explains_problems(client_for, live, nhs_org, pharma_org):
    response = client_for("industry_lead").post(
        reverse("transfers:add", args=[live.pk]),
        _post(nhs_org, company=pharma_org.pk, amount_money="-300", note="Refund of a fee"),
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Negative amounts are only allowed as corrections" in body
    assert "Refund of a fee" in body
    assert not TransferOfValue.objects.exists()


def test_add_refuses_a_recipient_that_is_not_a_partner(client_for, live, other_org, pharma_org):
    response = client_for("industry_lead").post(
        reverse("transfers:add", args=[live.pk]), _post(other_org, company=pharma_org.pk)
    )
    assert response.status_code == 400
    assert not TransferOfValue.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(RECORD))
def test_edit_by_role(client_for, recorded, live, nhs_org, role, status):
    client = client_for(role)
    url = reverse("transfers:edit", args=[live.pk, recorded.pk])
    assert client.get(url).status_code == status
    response = client.post(url, _post(nhs_org, amount_money="750", row_version="1"))
    recorded.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert recorded.amount_money == 750
    else:
        assert response.status_code == status
        assert recorded.amount_money == 1000


def test_edit_of_another_projects_transfer_is_404(client_for, recorded, project):
    url = reverse("transfers:edit", args=[project.pk, recorded.pk])
    assert client_for("industry_lead").get(url).status_code in (403, 404)


@pytest.mark.parametrize(("role", "status"), matrix(RECORD))
def test_delete_by_role(client_for, recorded, live, role, status):
    client = client_for(role)
    url = reverse("transfers:delete", args=[live.pk, recorded.pk])
    assert client.get(url).status_code == status
    response = client.post(url)
    if status == 200:
        assert response.status_code == 302
        assert not TransferOfValue.objects.exists()
    else:
        assert response.status_code == status
        assert TransferOfValue.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(RECORD))
def test_disclose_by_role(client_for, recorded, live, pharma_org, role, status):
    client = client_for(role)
    url = reverse("transfers:disclose", args=[live.pk])
    assert client.get(url, {"year": "2024"}).status_code == status
    response = client.post(
        url, {"company": pharma_org.pk, "year": "2024", "disclosed_on": "2025-03-28"}
    )
    if status == 200:
        assert response.status_code == 302
        assert DisclosedYear.objects.get().disclosed_on == dt.date(2025, 3, 28)
    else:
        assert response.status_code == status
        assert not DisclosedYear.objects.exists()


def test_disclosed_rows_are_frozen_on_the_page(
    client_for, recorded, live, industry_lead, pharma_org
):
    from triplewin.transfers import services

    services.year_mark_disclosed(
        actor=industry_lead,
        project=live,
        company=pharma_org,
        year=2024,
        disclosed_on=dt.date(2025, 3, 1),
    )
    body = (
        client_for("industry_lead").get(reverse("transfers:list", args=[live.pk])).content.decode()
    )
    assert "disclosed on 1 March 2025" in body
    assert reverse("transfers:edit", args=[live.pk, recorded.pk]) not in body
    response = client_for("industry_lead").post(
        reverse("transfers:delete", args=[live.pk, recorded.pk])
    )
    assert response.status_code == 400
    assert TransferOfValue.objects.exists()


def test_disclose_date_in_the_future_is_explained(client_for, recorded, live, pharma_org):
    response = client_for("industry_lead").post(
        reverse("transfers:disclose", args=[live.pk]),
        {"company": pharma_org.pk, "year": "2024", "disclosed_on": "2099-01-01"},
    )
    assert response.status_code == 400
    assert "cannot be in the future" in response.content.decode()
