"""The KPI dashboard, tried as each role; company-side users see only shared KPIs."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.roles import READ, matrix
from triplewin.kpis.tests import builders

pytestmark = pytest.mark.django_db

# Members of the company partner: they see only the KPIs shared with the company.
COMPANY_SIDE = {"industry_lead", "governance_member"}


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_dashboard_by_role(client_for, shared_kpi, hidden_kpi, nhs_lead, role, status):
    builders.record_series(shared_kpi, nhs_lead, [40, 42, 45, 44, 47])
    response = client_for(role).get(reverse("kpis:dashboard", args=[shared_kpi.project_id]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert shared_kpi.name in body
        assert 'role="img"' in body
        assert (hidden_kpi.name in body) is (role not in COMPANY_SIDE)
        # Every reader gets the legend, and each icon's meaning beside it.
        assert "What the readings mean" in body
        assert "lies outside, on the wrong side of, the process limits" in body


def test_filter_by_category(client_for, shared_kpi, hidden_kpi):
    url = reverse("kpis:dashboard", args=[shared_kpi.project_id])
    body = client_for("nhs_lead").get(url, {"category": "economic"}).content.decode()
    assert hidden_kpi.name in body
    assert shared_kpi.name not in body
    # An unknown category is ignored rather than an error.
    body = client_for("nhs_lead").get(url, {"category": "nonsense"}).content.decode()
    assert hidden_kpi.name in body
    assert shared_kpi.name in body


def test_add_button_only_for_editors_in_a_definable_state(client_for, shared_kpi):
    url = reverse("kpis:dashboard", args=[shared_kpi.project_id])
    create = reverse("kpis:create", args=[shared_kpi.project_id])
    assert create in client_for("nhs_lead").get(url).content.decode()
    assert create not in client_for("oversight").get(url).content.decode()


def test_dashboard_is_a_fixed_number_of_queries(client_for, shared_kpi, hidden_kpi, nhs_lead):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for("nhs_lead")
    url = reverse("kpis:dashboard", args=[shared_kpi.project_id])
    builders.record_series(shared_kpi, nhs_lead, [1, 2])
    # A session's first request records the session once (allauth's list of active sessions).
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    builders.record_series(hidden_kpi, nhs_lead, [5, 6, 7, 8, 9, 10, 11, 12])
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
