"""Password reset through the email outbox, and the list of sessions, in the browser."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_forgotten_password_is_reset_by_email(page: Any, nhs_lead: Any) -> None:
    page.goto("/accounts/sign-in/")
    page.click("text=Forgotten your password?")
    assert_accessible(page)
    page.fill("#id_email", nhs_lead.email)
    page.click("main button[type=submit]")
    page.wait_for_url("**/password/reset/done/")
    said = page.locator("main").inner_text()
    assert_accessible(page)
    # An unknown address is told exactly the same.
    page.goto("/accounts/password/reset/")
    page.fill("#id_email", "nobody@example.test")
    page.click("main button[type=submit]")
    page.wait_for_url("**/password/reset/done/")
    assert page.locator("main").inner_text() == said
    assert [m.to for m in mail.outbox] == [[nhs_lead.email]]

    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", str(mail.outbox[0].body))
    assert link
    page.goto(link.group(0))
    page.fill("#id_password1", "a-new-and-long-password")
    page.fill("#id_password2", "a-new-and-long-password")
    page.click("main button[type=submit]")
    expect(page.locator("main")).to_contain_text("password")
    sign_in(page, nhs_lead.email, "a-new-and-long-password")


def test_the_sessions_page_lists_this_browser(page: Any, nhs_lead: Any) -> None:
    sign_in(page, nhs_lead.email)
    page.goto("/accounts/sessions/")
    expect(page.locator("table")).to_contain_text("Current")
    assert_accessible(page)
