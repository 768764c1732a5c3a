"""Signing in through the browser: the NHS.UK frontend's script runs under the CSP (focus moves
to the error summary), repeated failures lock the account with a plain message, and the page
fixture itself fails a test whose page logs an error or breaks the CSP."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ConsoleWatch, assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def try_password(page: Any, email: str, password: str) -> Any:
    page.goto("/accounts/sign-in/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    with page.expect_navigation() as navigation:
        page.click("button:has-text('Sign in')")
    return navigation.value


def test_a_failed_sign_in_moves_focus_to_the_error_summary(page: Any, nhs_lead: Any) -> None:
    try_password(page, nhs_lead.username, "not-the-password")
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_contain_text("The email address or password is not right")
    # NHS.UK frontend marks the page as supported from an inline script, then its module moves
    # focus; both are refused when the nonce is wrong, and focus stays on the page body.
    assert page.evaluate("document.body.classList.contains('nhsuk-frontend-supported')")
    expect(summary).to_be_focused()
    assert_accessible(page)


def test_after_ten_failures_the_account_is_locked_even_for_the_right_password(
    page: Any, nhs_lead: Any
) -> None:
    for _ in range(10):
        assert try_password(page, nhs_lead.username, "guess").status == 200
    locked = try_password(page, nhs_lead.username, "guess")
    assert locked.status == 429
    expect(page.locator("h1")).to_have_text("Too many failed sign-ins")
    expect(page.locator("main")).to_contain_text(
        "Too many failed sign-ins. Try again in 15 minutes."
    )
    assert_accessible(page)
    assert try_password(page, nhs_lead.username, "a-long-test-password").status == 429


def test_the_page_fixture_catches_console_errors_and_csp_violations(
    browser: Any, live_server: Any, fresh_cache: None, nhs_lead: Any
) -> None:
    context = browser.new_context(base_url=live_server.url)
    watch = ConsoleWatch(context)
    tab = context.new_page()
    try:
        sign_in(tab, nhs_lead.username)
        watch.check()

        tab.evaluate("console.error('something broke')")
        with pytest.raises(AssertionError, match="console error: something broke"):
            watch.check()

        # An inline script without the nonce, as a template that forgot it would produce.
        with tab.expect_console_message(lambda m: m.text.startswith("CSP violation")):
            tab.evaluate(
                "() => { const s = document.createElement('script');"
                " s.textContent = 'window.ran = true'; document.body.append(s); }"
            )
        assert tab.evaluate("window.ran") is None
        with pytest.raises(AssertionError, match="CSP violation: script-src"):
            watch.check()

        with tab.expect_event("pageerror"):
            tab.evaluate("setTimeout(() => { throw new Error('uncaught') })")
        with pytest.raises(AssertionError, match=r"page error: .*uncaught"):
            watch.check()

        # A page is checked on a phone too: one too wide for it fails, and the table pattern
        # that keeps tables inside the screen is what passes.
        tab.goto("/projects/")
        assert_accessible(tab)
        tab.evaluate(
            "() => { const p = document.createElement('p'); p.style.width = '600px';"
            " p.textContent = 'wide'; document.querySelector('main').append(p); }"
        )
        with pytest.raises(AssertionError, match=r"wider than a phone .*<p class"):
            assert_accessible(tab)
        assert tab.viewport_size == {"width": 1280, "height": 720}
    finally:
        context.close()


def test_tables_become_cards_with_their_headings_on_a_phone(
    page: Any, nhs_lead: Any, project: Any
) -> None:
    sign_in(page, nhs_lead.username)
    page.goto("/projects/")
    table = page.locator("table.nhsuk-table").first
    expect(table).to_contain_text(project.title)
    assert table.get_attribute("role") == "table"
    first_cell = table.locator("tbody tr").first.locator("td, th").first
    heading = table.locator("thead th").first.inner_text().strip()
    # Shown only on a phone, and hidden from screen readers, which read the table's headings.
    label = first_cell.locator(".nhsuk-table-responsive__heading")
    assert label.get_attribute("aria-hidden") == "true"
    assert not label.is_visible()
    page.set_viewport_size({"width": 390, "height": 844})
    assert label.is_visible()
    assert label.inner_text().strip() == heading
    assert_accessible(page)
