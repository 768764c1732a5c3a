"""Two-factor in the browser: a signatory sets it up before anything else, then signs in with
the authenticator's code, and with a recovery code."""

from __future__ import annotations

import time
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.contrib.auth.models import User
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import assert_accessible, sign_out
from triplewin.organisations import services as org_services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password"


def password_step(page: Any, email: str) -> None:
    page.goto("/accounts/sign-in/")
    page.fill("#id_login", email)
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Sign in')")


def test_set_up_then_sign_in_with_a_code_and_with_a_recovery_code(
    page: Any, pharma_org: Any
) -> None:
    user = User.objects.create_user("sign@example.test", "sign@example.test", PASSWORD)
    org_services.membership_create(
        actor=None,
        user=user,
        organisation=pharma_org,
        role="certification_signatory",
        function="medical",
    )
    password_step(page, user.email)
    page.wait_for_url("**/2fa/totp/activate/")
    expect(page.locator("main")).to_contain_text("Your role needs two-factor authentication")
    assert_accessible(page)
    # Anything else sends them back here.
    page.goto("/projects/")
    page.wait_for_url("**/2fa/totp/activate/")
    secret = page.locator("#authenticator_secret").input_value()
    page.fill("#id_code", format_hotp_value(hotp_value(secret, int(time.time()) // 30)))
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/2fa/totp/activate/" not in url)
    page.goto("/accounts/2fa/recovery-codes/")
    # Seeing the codes asks for the password again.
    page.wait_for_url("**/reauthenticate/**")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/2fa/recovery-codes/")
    shown = page.locator("#recovery_codes").input_value().split()
    assert shown == factories.recovery_codes(user)
    assert_accessible(page)
    page.goto("/projects/")
    expect(page.locator("h1")).to_be_visible()
    assert page.url.endswith("/projects/")
    sign_out(page)

    # Next time: password, then a recovery code (each works once).
    recovery = factories.recovery_codes(user)[0]
    password_step(page, user.email)
    page.wait_for_url("**/2fa/authenticate/")
    assert_accessible(page)
    page.fill("#id_code", "000000")
    page.click("main button[type=submit]")
    expect(page.locator("main")).to_contain_text("The code is not right")
    page.fill("#id_code", recovery)
    page.click("main button[type=submit]")
    page.wait_for_url("**/projects/")
    sign_out(page)

    password_step(page, user.email)
    page.wait_for_url("**/2fa/authenticate/")
    page.fill("#id_code", recovery)
    page.click("main button[type=submit]")
    expect(page.locator("main")).to_contain_text("The code is not right")
    page.fill("#id_code", format_hotp_value(hotp_value(secret, int(time.time()) // 30 + 1)))
    page.click("main button[type=submit]")
    page.wait_for_url("**/projects/")
