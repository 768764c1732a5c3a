"""Contracted services and the disclosure route of each kind of recipient (ADR 0021).

Guidance 000, collaborative working requirements: what a patient organisation is paid under
contract for a service is published on the industry partner's website; Appendix 2 (Disclosure
UK): patient organisation values are published on companies' own websites.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests import factories
from tests.roles import READ, matrix
from triplewin.audit.models import AuditEvent
from triplewin.transfers import contracted, disclosure_uk, routes, services
from triplewin.transfers.models import ContractedService
from triplewin.transfers.selectors import contracted_services_unpublished, undisclosed_years
from triplewin.transfers.tests.builders import published_project, transfer
from triplewin.transfers.tests.conftest import RECORD

pytestmark = pytest.mark.django_db


def _record(actor, project, company, provider, year=2024, value="2500"):
    return contracted.contracted_service_record(
        actor=actor,
        project=project,
        company=company,
        provider=provider,
        service="Peer support sessions for people newly diagnosed",
        year=year,
        value=Decimal(value),
    )


@pytest.mark.parametrize(
    ("org_type", "route"),
    [
        ("trust", routes.Route.DISCLOSURE_UK),
        ("icb", routes.Route.DISCLOSURE_UK),
        ("independent_provider", routes.Route.DISCLOSURE_UK),
        ("patient_organisation", routes.Route.COMPANY_WEBSITE),
        ("academic", routes.Route.OTHER),
        ("third_sector", routes.Route.OTHER),
    ],
)
def test_route_for_each_kind_of_recipient(org_type, route):
    org = factories.organisation(name=f"Org {org_type}", org_type=org_type)
    assert routes.route_for(org) is route


def test_a_company_records_a_contracted_service_outside_the_partnership(
    live, industry_lead, pharma_org, patient_org
):
    row = _record(industry_lead, live, pharma_org, patient_org)
    assert row.provider == patient_org
    assert not live.partners.filter(organisation=patient_org).exists()
    assert AuditEvent.objects.filter(action="contracted_service.recorded").count() == 1


def test_a_partner_cannot_be_a_contracted_service_provider(
    live, industry_lead, pharma_org, nhs_org
):
    with pytest.raises(ValidationError) as error:
        _record(industry_lead, live, pharma_org, nhs_org)
    assert "is a partner" in error.value.message_dict["provider"][0]


def test_only_the_company_records_its_contracted_services(live, nhs_lead, pharma_org, patient_org):
    with pytest.raises(PermissionDenied):
        _record(nhs_lead, live, pharma_org, patient_org)


@pytest.mark.parametrize("value", ["0", "-10"])
def test_a_contracted_value_is_positive(live, industry_lead, pharma_org, patient_org, value):
    with pytest.raises(ValidationError) as error:
        _record(industry_lead, live, pharma_org, patient_org, value=value)
    assert "value" in error.value.message_dict


def test_a_payment_to_a_patient_organisation_is_not_a_transfer_of_value(
    live, industry_lead, pharma_org, patient_org
):
    with pytest.raises(ValidationError) as error:
        transfer(
            actor=industry_lead, project=live, company=pharma_org, recipient=patient_org, year=2024
        )
    assert "contracted service" in error.value.message_dict["recipient"][0]


@pytest.mark.parametrize(
    ("today", "published", "expected"),
    [
        # Due by the end of June the next year (our own choice, as for Disclosure UK).
        (dt.date(2025, 6, 30), False, 0),
        (dt.date(2025, 7, 1), False, 1),
        (dt.date(2025, 7, 1), True, 0),
    ],
)
def test_contracted_values_due_on_the_company_website(
    live, industry_lead, pharma_org, patient_org, today, published, expected
):
    row = _record(industry_lead, live, pharma_org, patient_org, year=2024)
    if published:
        contracted.contracted_service_published(
            actor=industry_lead,
            row=row,
            published_url="https://www.acme.example/transparency/patient-organisations",
            published_on=dt.date(2025, 3, 1),
            expected_version=row.row_version,
            today=today,
        )
    found = contracted_services_unpublished(live, today)
    assert len(found) == expected
    if expected:
        assert patient_org.name in found[0]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("javascript:alert(1)", "must start with https://"),
        ("https://user:pw@acme.example/", "user name or password"),
    ],
)
def test_the_published_page_address_is_checked(
    live, industry_lead, pharma_org, patient_org, url, message
):
    row = _record(industry_lead, live, pharma_org, patient_org)
    with pytest.raises(ValidationError) as error:
        contracted.contracted_service_published(
            actor=industry_lead,
            row=row,
            published_url=url,
            published_on=dt.date(2025, 3, 1),
            expected_version=row.row_version,
        )
    assert message in error.value.message_dict["published_url"][0]


def test_disclosure_uk_file_holds_independent_providers_but_not_charities(
    nhs_lead, industry_lead, nhs_org, pharma_org, charity
):
    provider = factories.organisation(name="Northway Clinics Ltd", org_type="independent_provider")
    project = published_project(
        actor=nhs_lead,
        lead=nhs_org,
        partners=[pharma_org, provider, charity],
        published_on=dt.date(2024, 1, 10),
        started_on=dt.date(2024, 2, 1),
    )
    for recipient in (nhs_org, provider, charity):
        transfer(
            actor=industry_lead, project=project, company=pharma_org, recipient=recipient, year=2024
        )
    names = {p.institution for p in disclosure_uk.payments(pharma_org, 2024, dt.date(2025, 1, 1))}
    assert names == {nhs_org.name, provider.name}
    # Only transfers on the Disclosure UK route are owed there.
    assert undisclosed_years(project, dt.date(2025, 7, 1)) == (2024,)
    services.year_mark_disclosed(
        actor=industry_lead,
        project=project,
        company=pharma_org,
        year=2024,
        disclosed_on=dt.date(2025, 3, 1),
        today=dt.date(2025, 7, 1),
    )
    assert undisclosed_years(project, dt.date(2025, 7, 1)) == ()


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_contracted_list_by_role(
    client_for, live, industry_lead, pharma_org, patient_org, role, status
):
    _record(industry_lead, live, pharma_org, patient_org)
    response = client_for(role).get(reverse("transfers:contracted", args=[live.pk]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert patient_org.name in body
        assert "£2,500.00" in body
        assert "company&#39;s own website" in body or "company's own website" in body
        assert ("Record a contracted service" in body) is (role == "industry_lead")


@pytest.mark.parametrize(("role", "status"), matrix(RECORD))
def test_contracted_add_by_role(client_for, live, pharma_org, patient_org, role, status):
    client = client_for(role)
    url = reverse("transfers:contracted-add", args=[live.pk])
    assert client.get(url).status_code == status
    data = {
        "company": pharma_org.pk,
        "provider": patient_org.pk,
        "service": "Peer support",
        "year": "2024",
        "value": "£1,200",
    }
    response = client.post(url, data)
    if status == 200:
        assert response.status_code == 302
        assert ContractedService.objects.get().value == Decimal("1200")
    else:
        assert response.status_code == status
        assert not ContractedService.objects.exists()


def test_contracted_add_shows_errors_next_to_fields(client_for, live, pharma_org, nhs_org):
    client = client_for("industry_lead")
    url = reverse("transfers:contracted-add", args=[live.pk])
    response = client.post(url, {"company": pharma_org.pk, "service": "", "year": "20x"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Choose the organisation that delivers the service." in body
    assert "Enter the year as four digits" in body
    # A partner is not offered as a provider.
    assert f'value="{nhs_org.pk}"' not in body


@pytest.mark.parametrize(("role", "status"), matrix(RECORD))
def test_contracted_published_by_role(
    client_for, live, industry_lead, pharma_org, patient_org, role, status
):
    row = _record(industry_lead, live, pharma_org, patient_org)
    client = client_for(role)
    url = reverse("transfers:contracted-published", args=[live.pk, row.pk])
    assert client.get(url).status_code == status
    response = client.post(
        url,
        {
            "published_url": "https://www.acme.example/transparency",
            "published_on": "2025-03-01",
            "row_version": row.row_version,
        },
    )
    row.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert row.published_url == "https://www.acme.example/transparency"
    else:
        assert response.status_code == status
        assert row.published_url == ""


def test_contracted_published_refuses_a_bad_address_next_to_the_field(
    client_for, live, industry_lead, pharma_org, patient_org
):
    row = _record(industry_lead, live, pharma_org, patient_org)
    response = client_for("industry_lead").post(
        reverse("transfers:contracted-published", args=[live.pk, row.pk]),
        {
            "published_url": "ftp://acme.example/list",
            "published_on": "2025-03-01",
            "row_version": row.row_version,
        },
    )
    assert response.status_code == 400
    assert "must start with https://" in response.content.decode()
