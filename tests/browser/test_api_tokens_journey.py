"""An organisation administrator creates an API token, copies it once, sees a system use it,
and revokes it; the API reference reads well on a phone. Axe checks every page at both widths.

Set API_SCREENSHOTS=<folder> to keep screenshots of each page at 1280 px and 390 px."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import PHONE, assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("API_SCREENSHOTS")


def _shots(page: Any, name: str) -> None:
    if not SHOTS:
        return
    size = page.viewport_size
    page.screenshot(path=f"{SHOTS}/{name}-1280.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=f"{SHOTS}/{name}-390.png", full_page=True)
    page.set_viewport_size(size)


def test_a_token_is_created_shown_once_used_and_revoked(
    page: Any, nhs_org: Any, project: Any
) -> None:
    admin = factories.member("org.admin@example.test", nhs_org, "organisation_administrator")
    sign_in(page, admin.username)
    page.goto(f"/organisations/{nhs_org.pk}/people/")
    page.get_by_role("link", name="API tokens").click()
    expect(page.locator("h1")).to_have_text("API tokens")
    assert_accessible(page)
    page.get_by_role("button", name="Create a token").click()
    expect(page.locator("h1")).to_have_text("Create an API token")

    # Nothing filled in: each problem beside its field, and nothing made.
    page.click("button:has-text('Create the token')")
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Enter a name")
    assert_accessible(page)
    _shots(page, "token-errors")

    expires = timezone.localdate() + dt.timedelta(days=90)
    page.fill("#id_name", "BI KPI feed")
    page.get_by_label("Send KPI readings").check()
    page.get_by_label("Read its projects, KPIs and transfers of value").check()
    page.fill("#id_expires_on_day", str(expires.day))
    page.fill("#id_expires_on_month", str(expires.month))
    page.fill("#id_expires_on_year", str(expires.year))
    page.click("button:has-text('Create the token')")
    expect(page.locator(".tw-token-once")).to_contain_text("Copy the token now")
    token = page.locator(".tw-token-text").inner_text().strip()
    assert token.startswith("tw_")
    assert_accessible(page)
    _shots(page, "token-once")

    # A system uses it; the page then shows when it was last used.
    used = Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/projects")
    assert used.status_code == 200
    page.reload()
    expect(page.locator(".tw-token-text")).to_have_count(0)
    expect(page.locator("table")).to_contain_text("BI KPI feed")
    expect(page.locator("table")).not_to_contain_text("Never")

    page.get_by_role("button", name="Revoke BI KPI feed").click()
    expect(page.locator("main")).to_contain_text("is revoked")
    expect(page.locator("table")).to_contain_text("Revoked")
    assert Client(HTTP_AUTHORIZATION=f"Bearer {token}").get("/api/v1/projects").status_code == 401
    _shots(page, "token-list")


def test_the_api_reference_reads_on_a_phone(page: Any) -> None:
    page.goto("/api/v1/")
    expect(page.locator("h1")).to_contain_text("Triple Win API")
    expect(page.locator("main")).to_contain_text("GET /api/v1/register")
    assert_accessible(page)
    _shots(page, "api-reference")
