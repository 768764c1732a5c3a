"""A summary is published, appears on the public register with its overdue outcomes flagged,
the open data downloads, a company records a transfer of value, and oversight sees it all."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, fill_date, sign_in, sign_out
from triplewin.transfers.tests.builders import published_project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_publish_then_find_it_on_the_register(
    page, nhs_lead, industry_lead, oversight, nhs_org, pharma_org, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Published through the services: delivery ended in January 2025, so the summary of
    # outcomes fell due on 31 July 2025 and is overdue.
    project = published_project(
        actor=nhs_lead,
        lead=nhs_org,
        partners=[pharma_org],
        title="Finding atrial fibrillation early",
        therapy_area="Cardiology",
        summary={
            "rationale": "Many strokes follow atrial fibrillation that nobody had found.",
            "objectives": "Offer pulse checks at flu clinics and refer positive results.",
        },
        published_on=dt.date(2024, 1, 10),
        started_on=dt.date(2024, 2, 1),
        ended_on=dt.date(2025, 1, 31),
    )

    page.goto("/")
    expect(page.locator("main")).to_contain_text("1 published partnership")
    assert_accessible(page)
    page.fill("#q", "pulse checks")
    page.click("button:has-text('Apply filters')")
    expect(page.locator("main")).to_contain_text(project.title)
    page.select_option("#f-company", label=pharma_org.name)
    page.select_option("#f-type", value="cw")
    page.click("button:has-text('Apply filters')")
    expect(page.locator("main")).to_contain_text("Filtered by")
    assert "company=" in page.url
    assert "type=cw" in page.url
    assert_accessible(page)

    page.click(f"a:has-text('{project.title}')")
    expect(page.locator("h1")).to_have_text(project.title)
    outcomes = page.locator(".nhsuk-summary-list__row").filter(
        has=page.locator("dt", has_text=re.compile("^Outcomes$"))
    )
    expect(outcomes.locator(".nhsuk-tag--red")).to_have_text("Overdue")
    expect(outcomes).to_contain_text("Due by 31 July 2025, not yet published")
    assert_accessible(page)

    page.goto("/")
    with page.expect_download() as download:
        page.click("text=the whole register as CSV")
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    assert [r["title"] for r in rows] == [project.title]
    assert rows[0]["outcomes_status"] == "overdue"
    page.click("text=what each field means")
    expect(page.locator("h1")).to_have_text("Open data")
    assert_accessible(page)
    data = json.loads(page.request.get("/register/open-data/register.json").text())
    assert data["partnerships"][0]["id"] == project.pk

    # The company records a transfer of value; the register shows its total.
    sign_in(page, industry_lead.username)
    page.goto(f"/projects/{project.pk}/transfers/")
    page.click("text=Record a transfer of value")
    page.click("button:has-text('Save the transfer of value')")  # empty: errors shown
    expect(page.locator(".nhsuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.check(f"text={nhs_org.name}")
    page.fill("#id_year", "2024")
    page.fill("#id_amount_money", "£18,500")
    page.fill("#id_amount_benefits_in_kind", "1500")
    page.click("button:has-text('Save the transfer of value')")
    expect(page.locator("main")).to_contain_text("£20,000.00")
    assert_accessible(page)
    page.click("text=mark 2024 disclosed")
    assert_accessible(page)
    fill_date(page, "#id_disclosed_on", "2025-03-28")
    page.click("button:has-text('Mark as disclosed')")
    expect(page.locator("main")).to_contain_text("disclosed on 28 March 2025")
    page.click("text=All transparency obligations for this project")
    expect(page.locator("main")).to_contain_text("Met")
    assert_accessible(page)
    page.goto("/disclosure/")
    expect(page.locator("main")).to_contain_text("Disclosure UK files")
    assert_accessible(page)
    sign_out(page)

    page.goto(f"/register/{project.pk}/")
    expect(page.locator("main")).to_contain_text("£20,000.00")
    expect(page.locator("main")).to_contain_text("Disclosed for 2024")
    page.click(f"a:has-text('{nhs_org.name}')")
    expect(page.locator("main")).to_contain_text("Transfers of value received")
    assert_accessible(page)

    sign_in(page, oversight.username)
    page.goto("/oversight/")
    expect(page.locator("h1")).to_have_text("Test Integrated Care Board")
    expect(page.locator("svg.tw-chart").first).to_be_visible()
    expect(page.locator("#overdue + div")).to_contain_text("Summary of outcomes")
    assert_accessible(page)
