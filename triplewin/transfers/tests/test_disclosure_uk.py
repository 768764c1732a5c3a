"""A company's Disclosure UK file, as CSV and XLSX, safe to open and only for the company."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from tests import factories
from triplewin.core.disclosure import HEADER
from triplewin.transfers.tests.builders import published_project, transfer

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example/steal","Click for details")'
DOWNLOAD = {
    "nhs_lead": 403,
    "industry_lead": 200,
    "governance_member": 403,
    "team_member": 403,
    "oversight": 403,
    "outsider": 403,
    "anonymous": 302,
}


@pytest.fixture
def evil_project(nhs_lead, nhs_org, pharma_org, industry_lead, charity):
    factories.member("x@example.test", charity, "partnership_lead")
    project = published_project(
        actor=nhs_lead,
        lead=nhs_org,
        partners=[pharma_org, charity],
        title=EVIL,
        published_on=dt.date(2024, 1, 10),
        started_on=dt.date(2024, 2, 1),
    )
    transfer(
        actor=industry_lead,
        project=project,
        company=pharma_org,
        recipient=nhs_org,
        year=2024,
        money="12000",
        benefits="500.25",
    )
    transfer(
        actor=industry_lead,
        project=project,
        company=pharma_org,
        recipient=nhs_org,
        year=2024,
        money="-200",
        category="travel_accommodation",
        is_correction=True,
        note="Duplicated claim",
    )
    transfer(
        actor=industry_lead,
        project=project,
        company=pharma_org,
        recipient=charity,
        year=2024,
        money="900",
    )
    transfer(
        actor=industry_lead,
        project=project,
        company=pharma_org,
        recipient=nhs_org,
        year=2025,
        money="50",
    )
    return project


def _url(company, year=2024, fmt="csv"):
    return reverse("obligations:disclosure-uk", args=[company.pk, year, fmt])


@pytest.mark.parametrize(("role", "status"), [(r, DOWNLOAD[r]) for r in DOWNLOAD])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_download_by_role(client_for, evil_project, pharma_org, role, status, fmt):
    response = client_for(role).get(_url(pharma_org, fmt=fmt))
    assert response.status_code == status
    if status == 302:
        assert "/accounts/sign-in/" in response["Location"]


def test_staff_may_download(client, evil_project, pharma_org):
    staff = factories.member(
        "staff@example.test",
        factories.organisation(name="Support", org_type="nhs_other"),
        "administrator",
    )
    staff.is_staff = True
    staff.save()
    client.force_login(staff)
    assert client.get(_url(pharma_org)).status_code == 200


def test_csv_rows_columns_and_neutralised_title(client_for, evil_project, pharma_org, nhs_org):
    nhs_org.address, nhs_org.postcode = "1 Hospital Way, Testville", "TE1 1ST"
    nhs_org.save()
    response = client_for("industry_lead").get(_url(pharma_org))
    assert response["Content-Disposition"].startswith('attachment; filename="disclosure-uk-2024-')
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == HEADER
    body = rows[1:]
    # Only NHS recipients, only 2024, one row per transfer.
    assert len(body) == 2
    first = dict(zip(HEADER, body[0], strict=True))
    assert first["Company"] == pharma_org.name
    assert first["Institution name"] == nhs_org.name
    assert first["Address"] == "1 Hospital Way, Testville"
    assert first["Postcode"] == "TE1 1ST"
    assert first["Joint/collaborative working link"].endswith(f"/register/{evil_project.pk}/")
    assert first["Year"] == "2024"
    assert first["Joint/collaborative working"] == "12500.25"
    assert first["Project (for checking)"] == "'" + EVIL
    second = dict(zip(HEADER, body[1], strict=True))
    assert second["Travel and accommodation"] == "-200.00"  # a correction stays a number
    assert second["Joint/collaborative working"] == ""
    assert not any(cell.startswith(("=", "+", "@")) for row in body for cell in row)


def test_xlsx_opens_with_the_title_as_text_not_a_formula(client_for, evil_project, pharma_org):
    response = client_for("industry_lead").get(_url(pharma_org, fmt="xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = book.active
    rows = list(sheet.iter_rows(values_only=True))
    assert tuple(rows[0]) == HEADER
    titles = [r[-1] for r in rows[1:]]
    assert titles == ["'" + EVIL, "'" + EVIL]
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"
            assert not (isinstance(cell.value, str) and cell.value.startswith("="))
    amounts = [r[HEADER.index("Joint/collaborative working")] for r in rows[1:]]
    assert amounts[0] == Decimal("12500.25") or amounts[0] == pytest.approx(12500.25)
    assert rows[2][HEADER.index("Travel and accommodation")] == pytest.approx(-200)


def test_malicious_organisation_names_are_neutralised(
    client_for, nhs_lead, industry_lead, pharma_org, icb
):
    evil_trust = factories.organisation(
        name="@SUM(1+1)*cmd|' /C calc'!A0", org_type="trust", ods_code="RXX", system=icb
    )
    evil_trust.address = "-2+3"
    evil_trust.save()
    project = published_project(
        actor=nhs_lead,
        lead=evil_trust,
        partners=[pharma_org],
        published_on=dt.date(2024, 1, 10),
        started_on=dt.date(2024, 2, 1),
    )
    transfer(
        actor=industry_lead, project=project, company=pharma_org, recipient=evil_trust, year=2024
    )
    book = openpyxl.load_workbook(
        io.BytesIO(client_for("industry_lead").get(_url(pharma_org, fmt="xlsx")).content)
    )
    row = list(next(book.active.iter_rows(min_row=2, values_only=True)))
    assert row[1] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert row[2] == "'-2+3"


def test_unknown_format_or_company_is_404(client_for, evil_project, pharma_org, nhs_org):
    client = client_for("industry_lead")
    assert client.get(_url(pharma_org, fmt="pdf")).status_code == 404
    assert client.get(_url(nhs_org)).status_code == 404


def test_deadlines_page_lists_the_companys_files(client_for, evil_project, pharma_org):
    body = client_for("industry_lead").get(reverse("obligations:index")).content.decode()
    assert _url(pharma_org, 2024, "csv") in body
    assert _url(pharma_org, 2025, "xlsx") in body
    assert "1 to other organisations (£900.00)" in body
    nhs_body = client_for("nhs_lead").get(reverse("obligations:index")).content.decode()
    assert "Disclosure UK files" not in nhs_body
