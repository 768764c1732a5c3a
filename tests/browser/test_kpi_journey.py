"""Stage 3 KPI monitoring in the browser: define a KPI, record values by form and by file, read
the SPC chart and its data table, and see a bad row reported by row and column while nothing
is saved."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, fill_date, sign_in
from triplewin.kpis.models import Measurement
from triplewin.team.tests.builders import advance

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KPI_NAME = "Adults with diabetes screened for heart disease"
GOOD_FILE = (
    b"period,value,note\n"
    b"2024-02-01,66,\n2024-03-01,68,\n2024-04-01,67,\n2024-05-01,70,\n2024-06-01,72,\n"
    b"2024-07-01,75,\n2024-08-01,78,\n2024-09-01,81,\n2024-10-01,85,\n2024-11-01,90,\n"
    b"2024-12-01,94,\n2025-01-01,97,Final audit\n"
)
BAD_FILE = b"period,value\n2025-02-01,96\n2025-03-01,ninety\n"
SHOTS = os.environ.get("KPI_SCREENSHOTS")


def upload(page, name: str, content: bytes, mime: str = "text/csv") -> None:
    page.set_input_files(
        "input[name=file]", files=[{"name": name, "mimeType": mime, "buffer": content}]
    )
    page.click("button:has-text('Upload the file')")


def test_record_kpi_values_and_read_the_spc_chart(page, project, nhs_lead, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    advance(project, nhs_lead, to="in_delivery")
    sign_in(page, nhs_lead.username)

    page.goto(f"/projects/{project.pk}/kpis/")
    expect(page.locator("main")).to_contain_text("No KPIs have been defined yet.")
    assert_accessible(page)

    # Define the KPI.
    page.click("text=Add a KPI")
    page.click("button:has-text('Save the KPI')")
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Enter the KPI's name.")
    assert_accessible(page)
    page.fill("#id_name", KPI_NAME)
    page.get_by_role("radio", name="Clinical impact").check()
    page.fill("#id_definition", "Adults on the diabetes register with a cardiovascular check.")
    page.fill("#id_unit", "%")
    page.fill("#id_data_source", "Practice system search, run monthly")
    page.get_by_role("radio", name="Monthly").check()
    page.get_by_role("radio", name="Higher is better").check()
    page.fill("#id_baseline_value", "65")
    fill_date(page, "#id_baseline_date", "2024-01-01")
    page.fill("#id_target_value", "95")
    fill_date(page, "#id_target_date", "2025-12-31")
    page.get_by_role("radio", name="Average the sites' values").check()
    page.get_by_label("The data is anonymised and aggregated").check()
    page.get_by_label("Company partners may see this KPI").check()
    page.click("button:has-text('Save the KPI')")
    expect(page.locator("h1")).to_have_text(KPI_NAME)
    expect(page.locator("main")).to_contain_text("No measurements yet, so there is no chart.")
    assert_accessible(page)

    # One value by form.
    fill_date(page, "#id_period", "2024-01-15")
    page.fill("#id_value", "65")
    page.click("button:has-text('Record the value')")
    expect(page.locator("main")).to_contain_text("Value recorded.")

    # Twelve more by file.
    upload(page, "screening.csv", GOOD_FILE)
    expect(page.locator("main")).to_contain_text("File uploaded: 12 values added.")
    chart = page.locator("svg.tw-spc-chart[role=img]")
    expect(chart).to_have_count(1)
    expect(chart.locator("title")).to_have_text(f"{KPI_NAME}: statistical process control chart")
    expect(chart.locator("desc")).to_contain_text("13 monthly values from January 2024")
    table = page.locator("table", has=page.locator("caption", has_text=f"Data for {KPI_NAME}"))
    expect(table.locator("tbody tr")).to_have_count(13)
    expect(table.locator("tbody tr").last).to_contain_text("January 2025")
    expect(table.locator("tbody tr").last).to_contain_text("97")
    # A rise of 11 points in a row is a trend: special cause improvement, shown in words too.
    expect(table).to_contain_text("Improvement: in a rising trend")
    expect(page.locator(".tw-spc-icon").first).to_contain_text(
        "Special cause variation: improvement"
    )
    expect(page.locator("main")).to_contain_text("Final audit")
    assert_accessible(page)
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/kpi-page.png", full_page=True)
        chart.screenshot(path=f"{SHOTS}/chart.png")

    # A file with a bad row: the row and column are named and nothing is saved.
    upload(page, "more.csv", BAD_FILE)
    expect(page.locator(".nhsuk-error-summary")).to_contain_text(
        "1 problem in the file, so nothing has been saved"
    )
    errors = page.locator("#upload-row-errors")
    expect(errors.locator("tbody tr")).to_have_count(1)
    expect(errors.locator("tbody tr")).to_contain_text("Row 3")
    expect(errors.locator("tbody tr")).to_contain_text("value")
    expect(errors.locator("tbody tr")).to_contain_text("Enter a number")
    assert Measurement.objects.count() == 13
    assert_accessible(page)
    if SHOTS:
        page.locator("#upload").scroll_into_view_if_needed()
        page.screenshot(path=f"{SHOTS}/bad-row.png")

    # The chart recalculated from a baseline of the first six points.
    page.click("text=Choose the baseline for the limits")
    page.fill("#id_baseline_points", "6")
    page.click("button:has-text('Update the chart')")
    expect(page.locator("svg.tw-spc-chart[role=img] desc")).to_contain_text("process limits")
    expect(table.locator("tbody tr").first).to_contain_text("(baseline)")
    assert_accessible(page)

    # The dashboard shows the chart, its icons and the table behind a disclosure.
    page.click("text=Back to KPIs")
    expect(page.locator("section.tw-kpi h2")).to_have_text(KPI_NAME)
    expect(page.locator("section.tw-kpi svg.tw-spc-chart[role=img]")).to_have_count(1)
    page.click(f"text=Show the data for {KPI_NAME} as a table")
    expect(page.locator("section.tw-kpi table tbody tr")).to_have_count(13)
    assert_accessible(page)
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/dashboard.png", full_page=True)
