"""Uploading a measurements file and downloading the template, tried as each role."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.roles import EDIT, READ, matrix
from triplewin.audit.models import AuditEvent
from triplewin.kpis.models import Measurement
from triplewin.kpis.tests import builders

pytestmark = pytest.mark.django_db

GOOD = b"period,value,note\n2024-01-01,41,\n2024-02-01,43,\n2024-03-01,44.5,checked\n"
BAD_ROW = b"period,value\n2024-01-01,41\n2024-02-01,forty\n2024-03-01,44\n"


def _url(name, kpi, *extra):
    return reverse(f"kpis:{name}", args=[kpi.project_id, kpi.pk, *extra])


@pytest.mark.parametrize(("role", "status"), matrix(EDIT))
def test_upload_by_role(client_for, shared_kpi, role, status):
    client = client_for(role)
    response = client.post(_url("upload", shared_kpi), {"file": builders.upload("m.csv", GOOD)})
    if status == 200:
        assert response.status_code == 302
        assert Measurement.objects.count() == 3
        assert AuditEvent.objects.filter(action="kpis.measurements_uploaded").count() == 1
        assert client.get(_url("upload", shared_kpi)).status_code == 302
    else:
        assert response.status_code == status
        assert not Measurement.objects.exists()
        assert not AuditEvent.objects.filter(action="kpis.measurements_uploaded").exists()


def test_a_bad_row_is_shown_by_row_and_column_and_nothing_is_written(client_for, shared_kpi):
    response = client_for("nhs_lead").post(
        _url("upload", shared_kpi), {"file": builders.upload("m.csv", BAD_ROW)}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "1 problem in the file, so nothing has been saved" in body
    assert 'id="upload-row-errors"' in body
    assert '<th scope="row" class="nhsuk-table__header">Row 3</th>' in body
    assert '<td class="nhsuk-table__cell">value</td>' in body
    assert not Measurement.objects.exists()
    assert not AuditEvent.objects.filter(action="kpis.measurements_uploaded").exists()


def test_a_file_that_is_not_csv_or_excel_is_refused(client_for, shared_kpi):
    response = client_for("nhs_lead").post(
        _url("upload", shared_kpi),
        {"file": builders.upload("looks-like.csv", b"%PDF-1.7\n\x00\x01binary")},
    )
    assert response.status_code == 400
    assert "not a CSV or Excel workbook" in response.content.decode()
    assert not Measurement.objects.exists()


def test_an_oversized_file_is_refused(client_for, shared_kpi):
    content = GOOD + b"," * (5 * 1024 * 1024)
    response = client_for("nhs_lead").post(
        _url("upload", shared_kpi), {"file": builders.upload("big.csv", content)}
    )
    assert response.status_code == 400
    assert "larger than 5 MB" in response.content.decode()
    assert not Measurement.objects.exists()


def test_existing_values_need_replace(client_for, shared_kpi, nhs_lead):
    builders.record_series(shared_kpi, nhs_lead, [40])
    client = client_for("nhs_lead")
    response = client.post(_url("upload", shared_kpi), {"file": builders.upload("m.csv", GOOD)})
    assert response.status_code == 400
    assert "40% is already recorded for January 2024" in response.content.decode()
    assert Measurement.objects.count() == 1
    response = client.post(
        _url("upload", shared_kpi), {"file": builders.upload("m.csv", GOOD), "replace": "on"}
    )
    assert response.status_code == 302
    assert Measurement.objects.count() == 3
    event = AuditEvent.objects.get(action="kpis.measurements_uploaded")
    assert event.changes["rows_added"] == [0, 2]
    assert event.changes["rows_replaced"] == [0, 1]
    assert event.changes["replaced_values"][0][0]["value"] == "40.0000"


@pytest.mark.parametrize(("role", "status"), matrix(READ))
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_template_by_role(client_for, shared_kpi, role, status, fmt):
    response = client_for(role).get(_url("template", shared_kpi, fmt))
    assert response.status_code == status
    if status == 200:
        content = b"".join(response.streaming_content) if response.streaming else response.content
        if fmt == "csv":
            assert content.decode("utf-8-sig").splitlines()[0] == "period,site,value,note"
        else:
            book = load_workbook(io.BytesIO(content))
            assert [c.value for c in book.worksheets[0][1]] == ["period", "site", "value", "note"]


def test_unknown_template_format_is_404(client_for, shared_kpi):
    assert client_for("nhs_lead").get(_url("template", shared_kpi, "pdf")).status_code == 404


def test_the_template_can_be_filled_in_and_uploaded(client_for, shared_kpi):
    client = client_for("nhs_lead")
    content = client.get(_url("template", shared_kpi, "xlsx")).content
    book = load_workbook(io.BytesIO(content))
    book.worksheets[0].append(["2024-05-01", None, 51, "From the template"])
    buffer = io.BytesIO()
    book.save(buffer)
    response = client.post(
        _url("upload", shared_kpi), {"file": builders.upload("filled.xlsx", buffer.getvalue())}
    )
    assert response.status_code == 302
    assert Measurement.objects.get().note == "From the template"


def test_an_nhs_number_in_a_note_is_a_row_error_and_nothing_is_written(client_for, shared_kpi):
    content = b"period,value,note\n2024-01-01,41,\n2024-02-01,43,Mrs X 943 476 5919\n"
    response = client_for("nhs_lead").post(
        _url("upload", shared_kpi), {"file": builders.upload("m.csv", content)}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert '<th scope="row" class="nhsuk-table__header">Row 3</th>' in body
    assert '<td class="nhsuk-table__cell">note</td>' in body
    assert "This looks like an NHS number: 943 *** **19." in body
    assert "943 476 5919" not in body
    assert not Measurement.objects.exists()
