"""KPI, site, measurement and criterion services: validation, audit, and all-or-nothing files."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from tests import factories
from triplewin.audit.models import AuditEvent
from triplewin.kpis import services
from triplewin.kpis.models import Kpi, Measurement
from triplewin.kpis.tests import builders

pytestmark = pytest.mark.django_db


def test_create_records_every_field_in_the_audit(delivering, nhs_lead):
    kpi = builders.kpi(delivering, nhs_lead, owner=nhs_lead)
    event = AuditEvent.objects.get(action="kpis.kpi_created")
    assert event.object_id == str(kpi.pk)
    assert event.project_id == delivering.pk
    assert event.changes["name"] == [None, "Patients offered a structured review"]
    assert event.changes["target_value"] == [None, "80.0000"]


def test_sharing_with_a_company_needs_aggregated_data(delivering, nhs_lead):
    with pytest.raises(ValidationError) as caught:
        builders.kpi(delivering, nhs_lead, aggregated_anonymised=False)
    assert "aggregated_anonymised" in caught.value.message_dict
    assert not Kpi.objects.exists()


def test_baseline_needs_value_and_date(delivering, nhs_lead):
    with pytest.raises(ValidationError) as caught:
        builders.kpi(delivering, nhs_lead, baseline_date=None)
    assert "baseline_date" in caught.value.message_dict


def test_target_date_after_baseline(delivering, nhs_lead):
    with pytest.raises(ValidationError) as caught:
        builders.kpi(delivering, nhs_lead, target_date=dt.date(2023, 1, 1))
    assert "target_date" in caught.value.message_dict


def test_owner_must_work_for_a_partner(delivering, nhs_lead, outsider):
    with pytest.raises(ValidationError) as caught:
        builders.kpi(delivering, nhs_lead, owner=outsider)
    assert "owner" in caught.value.message_dict


def test_names_are_unique_ignoring_case(shared_kpi, nhs_lead):
    with pytest.raises(ValidationError):
        builders.kpi(shared_kpi.project, nhs_lead, name=shared_kpi.name.upper())


def test_update_without_change_writes_nothing(shared_kpi, nhs_lead):
    services.kpi_update(
        actor=nhs_lead,
        kpi=shared_kpi,
        fields={"target_value": Decimal("80.0")},
        expected_version=1,
    )
    shared_kpi.refresh_from_db()
    assert shared_kpi.row_version == 1
    assert not AuditEvent.objects.filter(action="kpis.kpi_updated").exists()


def test_frequency_is_fixed_once_measured(shared_kpi, nhs_lead):
    builders.record_series(shared_kpi, nhs_lead, [50])
    with pytest.raises(ValidationError) as caught:
        services.kpi_update(
            actor=nhs_lead, kpi=shared_kpi, fields={"frequency": "weekly"}, expected_version=None
        )
    assert "frequency" in caught.value.message_dict


def test_periods_are_stored_as_their_first_day(shared_kpi, nhs_lead):
    weekly = builders.kpi(shared_kpi.project, nhs_lead, name="Weekly clinics", frequency="weekly")
    services.measurement_record(
        actor=nhs_lead, kpi=weekly, period=dt.date(2024, 6, 13), value=Decimal(3)
    )
    assert Measurement.objects.get().period == dt.date(2024, 6, 10)  # the Monday


def test_a_site_of_another_project_is_refused(shared_kpi, nhs_lead, nhs_org):
    other = factories.project(actor=nhs_lead, lead=nhs_org, title="Another project")
    from triplewin.team.tests.builders import advance

    advance(other, nhs_lead, to="setup")
    site = services.site_add(actor=nhs_lead, project=other, name="Elsewhere")
    with pytest.raises(ValidationError):
        services.measurement_record(
            actor=nhs_lead, kpi=shared_kpi, period=dt.date(2024, 1, 1), value=Decimal(1), site=site
        )
    assert not Measurement.objects.exists()


def test_upload_writes_every_row_and_one_audit_event(shared_kpi, nhs_lead):
    site = services.site_add(actor=nhs_lead, project=shared_kpi.project, name="North", code="N1")
    content = b"period,site,value\n2024-01-01,n1,41\n2024-01-01,,40\n2024-02-01,North,43\n"
    result = services.measurements_upload(
        actor=nhs_lead, kpi=shared_kpi, upload=builders.upload("m.csv", content)
    )
    assert result == services.UploadResult(added=3, replaced=0)
    assert Measurement.objects.filter(site=site).count() == 2
    event = AuditEvent.objects.get(action="kpis.measurements_uploaded")
    assert event.changes["rows_added"] == [0, 3]
    assert event.changes["file"] == [None, "m.csv"]
    assert event.changes["file_type"] == [None, "csv"]


def test_upload_with_a_bad_row_writes_nothing(shared_kpi, nhs_lead):
    content = b"period,value\n2024-01-01,41\n2024-02-01,\n2024-03-01,44\n"
    with pytest.raises(services.FileRejected) as caught:
        services.measurements_upload(
            actor=nhs_lead, kpi=shared_kpi, upload=builders.upload("m.csv", content)
        )
    assert [(e.row, e.column) for e in caught.value.errors] == [(3, "value")]
    assert not Measurement.objects.exists()
    assert not AuditEvent.objects.filter(action="kpis.measurements_uploaded").exists()


def test_upload_with_formulas_writes_nothing(shared_kpi, nhs_lead):
    book = Workbook()
    sheet = book.active
    sheet.append(["period", "value"])
    sheet.append([dt.date(2024, 1, 1), 10])
    sheet.append([dt.date(2024, 2, 1), "=B2+1"])
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(services.FileRejected) as caught:
        services.measurements_upload(
            actor=nhs_lead, kpi=shared_kpi, upload=builders.upload("m.xlsx", buffer.getvalue())
        )
    assert [(e.row, e.column) for e in caught.value.errors] == [(3, "value")]
    assert not Measurement.objects.exists()


def test_a_failure_while_writing_rolls_the_whole_file_back(shared_kpi, nhs_lead, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("triplewin.audit.services.record", broken)
    with pytest.raises(RuntimeError):
        services.measurements_upload(
            actor=nhs_lead,
            kpi=shared_kpi,
            upload=builders.upload("m.csv", b"period,value\n2024-01-01,1\n2024-02-01,2\n"),
        )
    assert not Measurement.objects.exists()


def test_upload_before_delivery_is_refused(in_setup, nhs_lead):
    kpi = builders.kpi(in_setup, nhs_lead)
    with pytest.raises(ValidationError):
        services.measurements_upload(
            actor=nhs_lead,
            kpi=kpi,
            upload=builders.upload("m.csv", b"period,value\n2024-01-01,1\n"),
        )


def test_condition_on_another_projects_kpi_is_refused(shared_kpi, nhs_lead, nhs_org):
    other = factories.project(actor=nhs_lead, lead=nhs_org, title="Another project")
    from triplewin.team.tests.builders import advance

    advance(other, nhs_lead, to="setup")
    criterion = services.criterion_create(actor=nhs_lead, project=other, name="Elsewhere")
    with pytest.raises(ValidationError):
        services.condition_add(
            actor=nhs_lead,
            criterion=criterion,
            kpi=shared_kpi,
            comparison="gte",
            threshold=Decimal(1),
        )
