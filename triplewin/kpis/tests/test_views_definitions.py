"""Adding and changing KPIs, tried as each role; forbidden posts change nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.roles import EDIT, READ, matrix
from triplewin.audit.models import AuditEvent
from triplewin.kpis.models import Kpi
from triplewin.kpis.tests import builders
from triplewin.team.tests.builders import field_error

pytestmark = pytest.mark.django_db


def _post(**overrides):
    data = {
        **{k: v for k, v in builders.FIELDS.items() if v is not None},
        "name": "Reviews completed within 28 days",
        "baseline_value": "40",
        "baseline_date": "01/01/2024",
        "target_value": "80",
        "target_date": "31/12/2025",
        "company_may_see": "on",
        "aggregated_anonymised": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_create_by_role(client_for, delivering, role, status):
    client = client_for(role)
    url = reverse("kpis:create", args=[delivering.pk])
    assert client.get(url).status_code == status
    response = client.post(url, _post())
    if status == 200:
        assert response.status_code == 302
        kpi = Kpi.objects.get()
        assert kpi.name == "Reviews completed within 28 days"
        assert AuditEvent.objects.filter(action="kpis.kpi_created").count() == 1
    else:
        assert response.status_code == status
        assert not Kpi.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_edit_by_role(client_for, shared_kpi, role, status):
    client = client_for(role)
    url = reverse("kpis:edit", args=[shared_kpi.project_id, shared_kpi.pk])
    assert client.get(url).status_code == status
    response = client.post(url, _post(name=shared_kpi.name, target_value="90", row_version="1"))
    shared_kpi.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert shared_kpi.target_value == 90
        event = AuditEvent.objects.get(action="kpis.kpi_updated")
        assert event.changes["target_value"] == ["80.0000", "90.0000"]
    else:
        assert response.status_code == status
        assert shared_kpi.target_value == 80


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_hidden_kpi_cannot_be_edited_from_the_company_side(client_for, hidden_kpi, role, status):
    url = reverse("kpis:edit", args=[hidden_kpi.project_id, hidden_kpi.pk])
    expected = {
        "industry_lead": 404,
        "governance_member": 404,
        "team_member": 403,
        "oversight": 403,
    }.get(role, status)
    assert client_for(role).get(url).status_code == expected


def test_sharing_needs_the_aggregated_declaration(client_for, delivering):
    response = client_for("nhs_lead").post(
        reverse("kpis:create", args=[delivering.pk]), _post(aggregated_anonymised=None)
    )
    assert response.status_code == 400
    assert "anonymised, aggregated" in field_error(response, "aggregated_anonymised")
    assert not Kpi.objects.exists()


def test_company_side_must_share_what_it_defines(client_for, delivering):
    response = client_for("industry_lead").post(
        reverse("kpis:create", args=[delivering.pk]),
        _post(company_may_see=None, aggregated_anonymised=None),
    )
    assert response.status_code == 400
    assert "must be shared" in field_error(response, "company_may_see")
    assert not Kpi.objects.exists()


def test_bad_input_is_kept_with_messages(client_for, delivering):
    response = client_for("nhs_lead").post(
        reverse("kpis:create", args=[delivering.pk]),
        _post(target_value="lots", target_date="31/02/2025"),
    )
    assert response.status_code == 400
    assert field_error(response, "target_value") == "Enter a number, like 42 or 87.5."
    assert field_error(response, "target_date") == "Enter a real date"
    assert "Reviews completed within 28 days" in response.content.decode()


def test_kpis_cannot_be_defined_before_setup(client_for, project):
    response = client_for("nhs_lead").post(reverse("kpis:create", args=[project.pk]), _post())
    assert response.status_code == 400
    assert "from set-up until the project completes" in response.content.decode()
    assert not Kpi.objects.exists()


def test_kpis_can_be_defined_in_setup(client_for, in_setup):
    response = client_for("nhs_lead").post(reverse("kpis:create", args=[in_setup.pk]), _post())
    assert response.status_code == 302
    assert Kpi.objects.filter(project=in_setup).exists()


def test_stale_edit_is_refused(client_for, shared_kpi):
    url = reverse("kpis:edit", args=[shared_kpi.project_id, shared_kpi.pk])
    client = client_for("nhs_lead")
    first = _post(name=shared_kpi.name, target_value="85", row_version="1")
    assert client.post(url, first).status_code == 302
    response = client.post(url, _post(name=shared_kpi.name, target_value="99", row_version="1"))
    assert response.status_code == 400
    assert "Someone else saved changes" in response.content.decode()
