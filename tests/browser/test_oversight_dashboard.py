"""The oversight dashboard: exceptions first, and its scrolling tables reachable by keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in
from triplewin.oversight.tests.test_views import system  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_dashboard_reads_exceptions_first_and_tables_take_focus(
    page,
    oversight,
    system,  # noqa: F811
    settings,
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    sign_in(page, oversight.username)
    page.goto("/oversight/")
    headings = page.locator("main h2:not(.nhsuk-u-visually-hidden)").all_inner_texts()
    assert headings.index("Stalled partnerships") < headings.index("Every partnership, by stage")
    expect(page.locator("#stalled ~ .tw-scroll-region").first).to_contain_text("Quiet diabetes")
    assert_accessible(page)

    region = page.locator(".tw-scroll-region").first
    label = region.get_attribute("aria-label")
    assert label
    # Tab from the link just before the first table lands on the table's scrolling box.
    page.locator("a", has_text="Download every table as one Excel workbook").focus()
    page.keyboard.press("Tab")
    expect(region).to_be_focused()

    # A guidance word links to its plain explanation in the glossary.
    page.get_by_role("link", name="transfers of value", exact=True).click()
    expect(page.locator("#transfer-of-value")).to_have_text("Transfer of value")
    assert_accessible(page)
