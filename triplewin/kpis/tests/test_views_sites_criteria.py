"""Sites and composite criteria pages, tried as each role; forbidden posts change nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.roles import EDIT, READ, matrix
from triplewin.kpis import services
from triplewin.kpis.models import CompositeCriterion, CriterionCondition, Site
from triplewin.kpis.tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def criterion(shared_kpi, nhs_lead):
    found = services.criterion_create(
        actor=nhs_lead, project=shared_kpi.project, name="Micro-elimination"
    )
    services.condition_add(
        actor=nhs_lead, criterion=found, kpi=shared_kpi, comparison="gte", threshold=Decimal(90)
    )
    return found


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_sites_page_by_role(client_for, delivering, role, status):
    assert client_for(role).get(reverse("kpis:sites", args=[delivering.pk])).status_code == status


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_site_add_by_role(client_for, delivering, role, status):
    response = client_for(role).post(
        reverse("kpis:sites", args=[delivering.pk]), {"name": "North Clinic", "code": "nc1"}
    )
    if status == 200:
        assert response.status_code == 302
        assert Site.objects.get().code == "NC1"
    else:
        assert response.status_code == status
        assert not Site.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_site_remove_by_role(client_for, delivering, nhs_lead, role, status):
    site = services.site_add(actor=nhs_lead, project=delivering, name="North Clinic")
    response = client_for(role).post(reverse("kpis:site-remove", args=[delivering.pk, site.pk]))
    if status == 200:
        assert response.status_code == 302
        assert not Site.objects.exists()
    else:
        assert response.status_code == status
        assert Site.objects.exists()


def test_a_site_with_measurements_is_kept(client_for, shared_kpi, nhs_lead):
    site = services.site_add(actor=nhs_lead, project=shared_kpi.project, name="North Clinic")
    builders.record_series(shared_kpi, nhs_lead, [50], site=site)
    response = client_for("nhs_lead").post(
        reverse("kpis:site-remove", args=[shared_kpi.project_id, site.pk]), follow=True
    )
    assert "cannot be removed" in response.content.decode()
    assert Site.objects.exists()


def test_duplicate_site_name_is_refused(client_for, delivering, nhs_lead):
    services.site_add(actor=nhs_lead, project=delivering, name="North Clinic")
    response = client_for("nhs_lead").post(
        reverse("kpis:sites", args=[delivering.pk]), {"name": "north clinic"}
    )
    assert response.status_code == 400
    assert Site.objects.count() == 1


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_criteria_page_by_role(client_for, criterion, hidden_kpi, nhs_lead, role, status):
    hidden = services.criterion_create(
        actor=nhs_lead, project=hidden_kpi.project, name="Admissions halved"
    )
    services.condition_add(
        actor=nhs_lead, criterion=hidden, kpi=hidden_kpi, comparison="lte", threshold=Decimal(5)
    )
    response = client_for(role).get(reverse("kpis:criteria", args=[criterion.project_id]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Micro-elimination" in body
        assert ("Admissions halved" in body) is (role not in {"industry_lead", "governance_member"})


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_criterion_create_by_role(client_for, delivering, role, status):
    client = client_for(role)
    url = reverse("kpis:criterion-create", args=[delivering.pk])
    assert client.get(url).status_code == status
    response = client.post(url, {"name": "Micro-elimination", "description": "All three."})
    if status == 200:
        assert response.status_code == 302
        assert CompositeCriterion.objects.get().name == "Micro-elimination"
    else:
        assert response.status_code == status
        assert not CompositeCriterion.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_condition_add_by_role(client_for, criterion, shared_kpi, role, status):
    client = client_for(role)
    url = reverse("kpis:conditions", args=[criterion.project_id, criterion.pk])
    assert client.get(url).status_code == status
    response = client.post(url, {"kpi": shared_kpi.pk, "comparison": "gte", "threshold": "100"})
    count = CriterionCondition.objects.count()
    if status == 200:
        assert response.status_code == 302
        assert count == 2
    else:
        assert response.status_code == status
        assert count == 1


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_condition_remove_by_role(client_for, criterion, role, status):
    condition = criterion.conditions.get()
    response = client_for(role).post(
        reverse("kpis:condition-remove", args=[criterion.project_id, criterion.pk, condition.pk])
    )
    if status == 200:
        assert response.status_code == 302
        assert not CriterionCondition.objects.exists()
    else:
        assert response.status_code == status
        assert CriterionCondition.objects.exists()


def test_company_side_cannot_put_a_hidden_kpi_in_a_criterion(client_for, criterion, hidden_kpi):
    response = client_for("industry_lead").post(
        reverse("kpis:conditions", args=[criterion.project_id, criterion.pk]),
        {"kpi": hidden_kpi.pk, "comparison": "gte", "threshold": "1"},
    )
    assert response.status_code == 400
    assert CriterionCondition.objects.count() == 1
