"""An organisation administrator in the browser: invites someone who accepts from the email,
then marks a colleague as a leaver, who is signed out at once and refused sign-in."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import assert_accessible, sign_in, sign_out
from triplewin.organisations.models import Membership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a sensible long passphrase"


def test_an_invitation_is_accepted_from_the_email(page: Any, nhs_org: Any, settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    admin = factories.member("people.admin@example.test", nhs_org, "organisation_administrator")
    sign_in(page, admin.username)
    page.get_by_role("link", name="People").first.click()
    expect(page.locator("h1")).to_have_text("People")
    assert_accessible(page)

    page.fill("#id_email", "nora.new@example.test")
    page.select_option("#id_role", "governance_member")
    page.click("button:has-text('Send the invitation')")
    expect(page.locator("main")).to_contain_text("Invitation sent to nora.new@example.test")
    (message,) = mail.outbox
    link = re.search(r"https?://\S+/organisations/invitations/\S+/", str(message.body))
    assert link is not None
    sign_out(page)

    page.goto("/organisations/" + link.group(0).split("/organisations/", 1)[1])
    expect(page.locator("h1")).to_contain_text(f"Join {nhs_org.name}")
    assert_accessible(page)
    page.fill("#id_first_name", "Nora")
    page.fill("#id_last_name", "New")
    page.fill("#id_password", PASSWORD)
    page.fill("#id_password_again", PASSWORD)
    page.click("button:has-text('Accept the invitation')")
    page.wait_for_url("**/projects/")
    expect(page.locator("main")).to_contain_text("You are now governance committee member")
    assert Membership.objects.filter(
        user__email="nora.new@example.test", organisation=nhs_org, role="governance_member"
    ).exists()

    # The link works once.
    sign_out(page)
    page.goto("/organisations/" + link.group(0).split("/organisations/", 1)[1])
    expect(page.locator("main")).to_contain_text("already been used")


def test_a_leaver_is_signed_out_at_once_and_refused_sign_in(
    page: Any, browser: Any, live_server: Any, nhs_org: Any, team_member: Any, settings: Any
) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    admin = factories.member("people.admin@example.test", nhs_org, "organisation_administrator")
    leaver_context = browser.new_context(base_url=live_server.url)
    leaver = leaver_context.new_page()
    try:
        sign_in(leaver, team_member.username)
        expect(leaver.get_by_role("button", name="Sign out")).to_be_visible()

        sign_in(page, admin.username)
        page.goto(f"/organisations/{nhs_org.pk}/people/")
        page.get_by_role("link", name="Team Tester").click()
        page.get_by_role("link", name="Mark Team Tester as a leaver").click()
        assert_accessible(page)
        page.click("button:has-text('Mark as a leaver')")
        expect(page.locator("main")).to_contain_text("can no longer sign in")
        expect(page.locator("main")).to_contain_text("Left on")

        leaver.goto("/projects/")
        expect(leaver.get_by_role("button", name="Sign out")).to_have_count(0)
        leaver.goto("/accounts/sign-in/")
        leaver.fill("#id_login", team_member.username)
        leaver.fill("#id_password", "a-long-test-password")
        leaver.click("button:has-text('Sign in')")
        expect(leaver.locator("main")).to_contain_text("The email address or password is not right")
    finally:
        leaver_context.close()
