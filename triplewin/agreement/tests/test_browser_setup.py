"""A lead records contributions, plans and the agreement in a browser; every page passes axe."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    CHROMIUM,
    FLAGS,
    ConsoleWatch,
    assert_accessible,
    fill_date,
    sign_in,
)
from triplewin.agreement.models import SignedCopy
from triplewin.agreement.tests.conftest import move_to, pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _in_own_thread(journey: Callable[[Any], None], base_url: str) -> None:
    """Drive chromium from a fresh thread: Playwright's sync API allows one instance per
    thread, and tests/browser keeps its session-wide one open in the main thread."""
    from playwright.sync_api import sync_playwright

    def run() -> None:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
            context = browser.new_context(base_url=base_url)
            context.set_default_timeout(10_000)
            watch = ConsoleWatch(context)
            try:
                journey(context.new_page())
            finally:
                browser.close()
            watch.check()

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(run).result()


def test_set_up_records(
    live_server, fresh_cache, project, nhs_lead, nhs_org, pharma_org, settings, tmp_path
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    move_to(project, "setup")
    base = f"/projects/{project.pk}"
    pdf = tmp_path / "signed.pdf"
    pdf.write_bytes(pdf_bytes())
    _in_own_thread(
        lambda page: _journey(page, base, nhs_lead, nhs_org, pharma_org, pdf), live_server.url
    )
    assert SignedCopy.objects.count() == 1


def _journey(page: Any, base: str, nhs_lead: Any, nhs_org: Any, pharma_org: Any, pdf: Any) -> None:
    sign_in(page, nhs_lead.username)

    page.goto(f"{base}/contributions/")
    assert_accessible(page)
    page.click("text=Add a contribution")
    page.click("button:has-text('Add contribution')")
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Choose the partner organisation")
    assert_accessible(page)
    page.select_option("#id_organisation", label=nhs_org.name)
    page.check("input[name=kind][value=staff_time]")
    page.fill("#id_description", "Heart failure nurse clinics")
    page.fill("#id_role", "Specialist nurse")
    page.fill("#id_hours", "300")
    page.click("button:has-text('Add contribution')")
    expect(page.locator("main")).to_contain_text("Heart failure nurse clinics")
    page.goto(f"{base}/contributions/proportionality/")
    expect(page.locator("main")).to_contain_text("Check this is significant")
    assert_accessible(page)

    page.goto(f"{base}/plans/")
    assert_accessible(page)
    page.goto(f"{base}/plans/data/add/")
    page.fill("#id_what", "Ages of patients reviewed")
    page.fill("#id_source", "GP records")
    page.fill("#id_collected_by", "PCN analyst")
    page.fill("#id_frequency", "Monthly")
    page.check("input[value=shared_with_company]")
    page.click("button:has-text('Add to the plan')")
    expect(page.locator("main")).to_contain_text("Data a company sees must be anonymised")
    assert_accessible(page)

    page.goto(f"{base}/agreement/")
    assert_accessible(page)
    page.click("text=Record the agreement")
    page.fill("#id_benefits", "Earlier diagnosis for patients.")
    page.fill("#id_term_months", "eighteen")
    page.click("button:has-text('Save the agreement')")
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("whole number of months")
    assert_accessible(page)
    page.fill("#id_term_months", "18")
    page.click("button:has-text('Save the agreement')")
    page.goto(f"{base}/agreement/clauses/")
    expect(page.locator("main")).to_contain_text("missing")
    assert_accessible(page)

    page.goto(f"{base}/agreement/parties/add/")
    page.select_option("#id_organisation", label=pharma_org.name)
    page.fill("#id_signatory_name", "Morgan Legal")
    page.fill("#id_signatory_job_title", "General counsel")
    page.click("button:has-text('Add party')")
    page.click("text=Record signature")
    fill_date(page, "#id_signed_on", "2026-01-15")
    page.click("button:has-text('Record signature')")
    expect(page.locator("main")).to_contain_text("Signed 15 January 2026")

    page.click("text=Upload a signed copy")
    assert_accessible(page)
    page.set_input_files("input[name=file]", str(pdf))
    page.click("button:has-text('Upload')")
    expect(page.locator("main")).to_contain_text("signed.pdf")
    assert_accessible(page)
