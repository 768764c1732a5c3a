"""The KPI page and recording values by form, tried as each role."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.roles import EDIT, READ, matrix
from triplewin.audit.models import AuditEvent
from triplewin.kpis import services
from triplewin.kpis.models import Measurement
from triplewin.kpis.tests import builders
from triplewin.organisations.models import Membership
from triplewin.team.tests.builders import advance, field_error

pytestmark = pytest.mark.django_db


def _url(name, kpi):
    return reverse(f"kpis:{name}", args=[kpi.project_id, kpi.pk])


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_kpi_page_by_role(client_for, shared_kpi, nhs_lead, role, status):
    builders.record_series(shared_kpi, nhs_lead, [40, 45, 43, 48])
    response = client_for(role).get(_url("detail", shared_kpi))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert 'role="img"' in body
        assert "<caption" in body
        assert "April 2024" in body


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_hidden_kpi_page_is_404_on_the_company_side(client_for, hidden_kpi, role, status):
    expected = 404 if role in {"industry_lead", "governance_member"} else status
    assert client_for(role).get(_url("detail", hidden_kpi)).status_code == expected


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_record_by_role(client_for, shared_kpi, role, status):
    client = client_for(role)
    response = client.post(
        _url("record", shared_kpi), {"period": "15/03/2024", "value": "52.5", "note": "Audit"}
    )
    if status == 200:
        assert response.status_code == 302
        measurement = Measurement.objects.get()
        assert (measurement.period, measurement.value) == (dt.date(2024, 3, 1), Decimal("52.5"))
        assert AuditEvent.objects.filter(action="kpis.measurement_recorded").count() == 1
        assert client.get(_url("record", shared_kpi)).status_code == 302
    else:
        assert response.status_code == status
        assert not Measurement.objects.exists()
        assert client.get(_url("record", shared_kpi)).status_code == status


@pytest.mark.parametrize("role", ["industry_lead", "governance_member"])
def test_company_side_cannot_record_on_a_hidden_kpi(client_for, hidden_kpi, role):
    response = client_for(role).post(
        _url("record", hidden_kpi), {"period": "2024-03-01", "value": "3"}
    )
    assert response.status_code == 404
    assert not Measurement.objects.exists()


def test_a_second_value_for_a_period_needs_replace(client_for, shared_kpi):
    client = client_for("nhs_lead")
    client.post(_url("record", shared_kpi), {"period": "2024-03-01", "value": "50"})
    response = client.post(_url("record", shared_kpi), {"period": "2024-03-20", "value": "55"})
    assert response.status_code == 400
    assert "50% is already recorded for March 2024" in field_error(response, "period")
    assert Measurement.objects.get().value == 50
    response = client.post(
        _url("record", shared_kpi), {"period": "2024-03-20", "value": "55", "replace": "on"}
    )
    assert response.status_code == 302
    assert Measurement.objects.get().value == 55
    event = AuditEvent.objects.get(action="kpis.measurement_replaced")
    assert event.changes["value"] == ["50.0000", "55.0000"]


def test_values_cannot_be_recorded_before_delivery(client_for, in_setup, nhs_lead):
    kpi = builders.kpi(in_setup, nhs_lead)
    response = client_for("nhs_lead").post(
        _url("record", kpi), {"period": "2024-03-01", "value": "50"}
    )
    assert response.status_code == 400
    assert "once delivery has started" in response.content.decode()
    assert not Measurement.objects.exists()


def test_values_can_still_be_recorded_after_completion(client_for, shared_kpi, nhs_lead):
    advance(shared_kpi.project, nhs_lead, to="completed")
    response = client_for("nhs_lead").post(
        _url("record", shared_kpi), {"period": "2024-03-01", "value": "50"}
    )
    assert response.status_code == 302


def test_future_periods_are_refused(client_for, shared_kpi):
    future = timezone.localdate() + dt.timedelta(days=40)
    response = client_for("nhs_lead").post(
        _url("record", shared_kpi), {"period": future.isoformat(), "value": "50"}
    )
    assert response.status_code == 400
    assert field_error(response, "period") == "The period cannot be in the future."


def test_baseline_controls_recalculate_the_limits(client_for, shared_kpi, nhs_lead):
    # First four values 10, 12, 10, 12: mean 11, moving ranges 2, limits 5.68 to 16.32.
    builders.record_series(shared_kpi, nhs_lead, [10, 12, 10, 12, 30, 31, 29, 30])
    client = client_for("nhs_lead")
    frozen = client.get(_url("detail", shared_kpi), {"baseline_points": "4"}).content.decode()
    assert "Mean 11%; process limits 5.68% to 16.32%." in frozen
    assert "above the upper process limit" in frozen
    step = client.get(_url("detail", shared_kpi), {"step_from": "2024-05-01"}).content.decode()
    # After the step: 30, 31, 29, 30: mean 30, moving ranges 1, 2, 1: 4/3.
    assert "Mean 30%" in step
    wrong = client.get(_url("detail", shared_kpi), {"baseline_points": "one"})
    assert wrong.status_code == 200
    assert "Enter a whole number of points" in wrong.content.decode()


def test_site_series_can_be_charted(client_for, shared_kpi, nhs_lead):
    site = services.site_add(actor=nhs_lead, project=shared_kpi.project, name="North Clinic")
    builders.record_series(shared_kpi, nhs_lead, [61, 62, 63], site=site)
    body = (
        client_for("industry_lead")
        .get(_url("detail", shared_kpi), {"site": str(site.pk)})
        .content.decode()
    )
    assert "Data for Patients offered a structured review at North Clinic" in body


class TestTheOwnerRecords:
    """A KPI's owner keeps its figures even without a lead's rights; only that KPI's figures."""

    @pytest.fixture
    def owned(self, delivering, nhs_lead, team_member):
        return builders.kpi(delivering, nhs_lead, name="Reviews done", owner=team_member)

    def test_owner_sees_the_forms_and_records(self, client_for, owned, team_member):
        client = client_for("team_member")
        body = client.get(_url("detail", owned)).content.decode()
        assert 'id="record"' in body
        assert 'id="upload"' in body
        response = client.post(_url("record", owned), {"period": "2024-03-01", "value": "52"})
        assert response.status_code == 302
        assert Measurement.objects.get(kpi=owned).value == 52
        event = AuditEvent.objects.get(action="kpis.measurement_recorded")
        assert event.actor == team_member

    def test_owner_of_one_kpi_cannot_record_another(self, client_for, owned, shared_kpi):
        client = client_for("team_member")
        assert 'id="record"' not in client.get(_url("detail", shared_kpi)).content.decode()
        response = client.post(_url("record", shared_kpi), {"period": "2024-03-01", "value": "5"})
        assert response.status_code == 403
        assert not Measurement.objects.exists()

    def test_owner_who_moved_to_oversight_no_longer_records(
        self, client_for, owned, team_member, nhs_org, icb
    ):
        factories.member(team_member.username, icb, "system_oversight")
        Membership.objects.filter(user=team_member, organisation=nhs_org).delete()
        client = client_for("team_member")
        assert client.get(_url("detail", owned)).status_code == 200
        response = client.post(_url("record", owned), {"period": "2024-03-01", "value": "52"})
        assert response.status_code == 403
        assert not Measurement.objects.exists()

    def test_owner_uploads_a_file(self, client_for, owned):
        response = client_for("team_member").post(
            _url("upload", owned),
            {"file": builders.upload("m.csv", b"period,value\n2024-01-01,41\n2024-02-01,43\n")},
        )
        assert response.status_code == 302
        assert Measurement.objects.filter(kpi=owned).count() == 2
