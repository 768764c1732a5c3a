"""The demo's identity set-up: two-factor where roles need it, and the ICB's single sign-on."""

from __future__ import annotations

from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import User
from django.core.management import call_command

from triplewin.accounts import two_factor
from triplewin.accounts.models import IdentityProvider, VerifiedDomain
from triplewin.demo import identity
from triplewin.demo.data import people

pytestmark = pytest.mark.django_db


@pytest.fixture
def listing(demo_output: str) -> str:
    out = StringIO()
    call_command("demo_sign_ins", stdout=out)
    return out.getvalue()


def test_everyone_whose_role_needs_two_factor_has_it_and_nobody_else(listing: str) -> None:
    for user in User.objects.all():
        has = Authenticator.objects.filter(user=user, type="totp").exists()
        assert has == two_factor.required(user), user.email
    assert two_factor.required(User.objects.get(email=people.OVERSIGHT))
    assert not two_factor.required(User.objects.get(email=people.NHS_LEAD))


def test_the_listing_gives_the_current_code_and_marks_who_needs_it(listing: str) -> None:
    assert identity.DEMO_TOTP_SECRET in listing
    code = listing.split("the code now is ")[1][:6]
    assert code.isdigit()
    assert f"{people.OVERSIGHT} *" in listing
    assert f"{people.NHS_LEAD} *" not in listing
    assert "npm run oidc" in listing


def test_the_icb_signs_in_through_the_local_provider(listing: str) -> None:
    provider = IdentityProvider.objects.get(slug=identity.SSO_SLUG)
    assert provider.organisation.name == "NHS Lincolnshire Integrated Care Board"
    assert provider.issuer == identity.SSO_ISSUER
    domain = VerifiedDomain.objects.get(domain=identity.SSO_DOMAIN)
    assert domain.organisation == provider.organisation
    assert domain.allow_account_creation
