"""Single sign-on through a real OpenID Connect provider (oidc-provider, tests/oidc/server.mjs),
driven through the full redirect flow: link, create without rights, and each refusal."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth.models import User
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import assert_accessible
from tests.oidc import provider as oidc
from triplewin.accounts.models import IdentityProvider, VerifiedDomain

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "test-icb"


@pytest.fixture
def running(live_server: Any) -> Iterator[oidc.RunningProvider]:
    callback = f"{live_server.url}/accounts/oidc/{SLUG}/login/callback/"
    yield from oidc.start(redirect_uris=[callback])


@pytest.fixture
def configured(running: oidc.RunningProvider, icb: Any) -> IdentityProvider:
    VerifiedDomain.objects.create(organisation=icb, domain=running.email_domain)
    return IdentityProvider.objects.create(
        organisation=icb,
        slug=SLUG,
        name="Test sign-in service",
        issuer=running.issuer,
        client_id=running.client_id,
        client_secret=running.client_secret,
    )


def through_provider(page: Any, who: str) -> None:
    page.goto("/accounts/sign-in/")
    page.click("button:has-text('Test Integrated Care Board: Test sign-in service')")
    page.wait_for_url("**/interaction/**")
    expect(page.locator("h1")).to_have_text("Test sign-in service")
    page.fill("#login", who)
    page.click("button:has-text('Continue')")


def test_a_first_sign_in_links_the_existing_account_and_the_next_uses_the_link(
    page: Any, configured: Any, icb: Any
) -> None:
    existing = factories.member("sam.sso@sso.example", icb, "partnership_lead")
    through_provider(page, "sam.sso")
    page.wait_for_url("**/projects/")
    expect(page.locator(".nhsuk-header")).to_contain_text("Sam")
    link = SocialAccount.objects.get(user=existing)
    assert (link.provider, link.uid) == (SLUG, "sam.sso")
    assert_accessible(page)
    page.click("button:has-text('Sign out')")
    page.wait_for_url("**/")
    # The provider remembers them (single sign-on): no question asked this time.
    page.goto("/accounts/sign-in/")
    page.click("button:has-text('Test Integrated Care Board: Test sign-in service')")
    page.wait_for_url("**/projects/")
    assert SocialAccount.objects.filter(user=existing).count() == 1
    assert User.objects.filter(email__iexact="sam.sso@sso.example").count() == 1


def test_where_the_domain_allows_it_a_new_account_is_made_with_no_rights(
    page: Any, configured: Any, project: Any
) -> None:
    VerifiedDomain.objects.filter(domain="sso.example").update(allow_account_creation=True)
    through_provider(page, "sam.sso")
    page.wait_for_url("**/projects/")
    user = User.objects.get(email="sam.sso@sso.example")
    assert not user.memberships.exists()
    # Signed in, yet no project is theirs to see.
    expect(page.locator("main")).not_to_contain_text(project.title)
    assert page.goto(f"/projects/{project.pk}/").status == 404


@pytest.mark.parametrize(
    ("who", "words"),
    [
        ("sam.sso", "does not let its people make one by signing in"),
        ("stranger", "has not verified that domain"),
        ("unconfirmed", "did not confirm your email address"),
        ("revoked", "did not sign you in"),
    ],
)
def test_refusals_are_plain_and_sign_nobody_in(
    page: Any, configured: Any, who: str, words: str
) -> None:
    before = User.objects.count()
    through_provider(page, who)
    expect(page.locator("h1")).to_have_text("You cannot sign in this way")
    expect(page.locator("#sign-in-refused")).to_contain_text(words)
    assert_accessible(page)
    assert User.objects.count() == before
    assert page.goto("/projects/").url.endswith("/accounts/sign-in/?next=/projects/")


def test_a_switched_off_account_is_refused_even_when_the_provider_says_yes(
    page: Any, configured: Any, icb: Any
) -> None:
    existing = factories.member("sam.sso@sso.example", icb, "partnership_lead")
    existing.is_active = False
    existing.save()
    through_provider(page, "sam.sso")
    expect(page.locator("#sign-in-refused")).to_contain_text("switched off")


def test_a_provider_that_is_down_gets_a_plain_message(page: Any, configured: Any) -> None:
    configured.issuer = f"http://127.0.0.1:{oidc.free_port()}"
    configured.save()
    page.goto("/accounts/sign-in/")
    page.click("button:has-text('Test Integrated Care Board: Test sign-in service')")
    expect(page.locator("#sign-in-refused")).to_contain_text("not answering")
