"""First sign-in through an organisation's provider: link, create (without rights) or refuse."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from triplewin.accounts import linking
from triplewin.accounts.adapters import SocialAccountAdapter
from triplewin.accounts.models import IdentityProvider, VerifiedDomain
from triplewin.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider(nhs_org: Any) -> IdentityProvider:
    VerifiedDomain.objects.create(
        organisation=nhs_org, domain="example.test", allow_account_creation=False
    )
    VerifiedDomain.objects.create(
        organisation=nhs_org, domain="trust.example", allow_account_creation=True
    )
    return IdentityProvider.objects.create(
        organisation=nhs_org,
        slug="test-trust",
        name="Test Trust Entra ID",
        issuer="http://127.0.0.1:1/",
        client_id="triplewin",
        client_secret="s3cret",
    )


def sign_in(provider: IdentityProvider, email: str, verified: bool = True) -> linking.FirstSignIn:
    return linking.first_sign_in(
        provider=provider, email=email, email_verified=verified, first_name="Ann", last_name="Lee"
    )


def test_an_existing_account_with_the_address_is_linked(provider: Any, nhs_lead: Any) -> None:
    found = sign_in(provider, "NHS.Lead@Example.test")
    assert found.outcome == linking.Outcome.LINKED
    assert found.user == nhs_lead


def test_a_new_account_only_where_the_domain_allows_it_and_with_no_membership(
    provider: Any,
) -> None:
    found = sign_in(provider, "ann.lee@trust.example")
    assert found.outcome == linking.Outcome.CREATED
    user = User.objects.get(email="ann.lee@trust.example")
    assert found.user == user
    assert user.username == "ann.lee@trust.example"
    assert not user.has_usable_password()
    assert not user.memberships.exists()
    assert not user.is_staff
    assert not user.is_superuser
    assert AuditEvent.objects.filter(action="account.created_by_sign_in").count() == 1


@pytest.mark.parametrize(
    ("email", "verified", "words"),
    [
        ("new.person@example.test", True, "does not let its people make one"),
        ("someone@elsewhere.example", True, "has not verified that domain"),
        ("ann.lee@trust.example", False, "did not confirm your email address"),
        ("", True, "did not confirm your email address"),
    ],
)
def test_refusals_say_why_and_make_nothing(
    provider: Any, email: str, verified: bool, words: str
) -> None:
    before = User.objects.count()
    found = sign_in(provider, email, verified)
    assert found.outcome == linking.Outcome.REFUSED
    assert words in found.reason
    assert User.objects.count() == before


def test_a_provider_cannot_vouch_for_another_organisations_domain(
    provider: Any, nhs_lead: Any, pharma_org: Any
) -> None:
    """The company verified example.test too, but the trust's provider speaks only for the
    trust's domains: a company provider cannot sign into a trust account, nor the reverse."""
    VerifiedDomain.objects.filter(organisation=provider.organisation).delete()
    VerifiedDomain.objects.create(organisation=pharma_org, domain="example.test")
    found = sign_in(provider, nhs_lead.email)
    assert found.outcome == linking.Outcome.REFUSED


def test_a_switched_off_account_is_refused(provider: Any, nhs_lead: Any) -> None:
    nhs_lead.is_active = False
    nhs_lead.save()
    found = sign_in(provider, nhs_lead.email)
    assert found.outcome == linking.Outcome.REFUSED
    assert found.reason == linking.SWITCHED_OFF


def test_enabled_providers_become_openid_connect_apps_with_the_secret_from_the_environment(
    provider: Any, monkeypatch: Any, nhs_org: Any
) -> None:
    IdentityProvider.objects.create(
        organisation=nhs_org,
        slug="off",
        name="Off",
        issuer="http://127.0.0.1:2/",
        client_id="x",
        client_secret="y",
        enabled=False,
    )
    provider.client_secret_env = "TEST_TRUST_SECRET"
    provider.save()
    monkeypatch.setenv("TEST_TRUST_SECRET", "from-the-environment")
    apps = SocialAccountAdapter().list_apps(None, provider="test-trust")  # type: ignore[arg-type]
    assert [(a.provider, a.provider_id, a.secret) for a in apps] == [
        ("openid_connect", "test-trust", "from-the-environment")
    ]
    assert apps[0].settings == {"server_url": "http://127.0.0.1:1"}
    assert SocialAccountAdapter().list_apps(None, provider="off") == []  # type: ignore[arg-type]


def test_a_provider_that_does_not_answer_gets_a_plain_message(provider: Any, client: Any) -> None:
    response = client.post("/accounts/sso/test-trust/")
    assert response.status_code == 502
    assert "sign-in service is not answering" in response.content.decode()


@pytest.mark.parametrize("role", ["nhs_lead", "outsider", "anonymous"])
def test_the_sign_in_page_offers_each_enabled_provider(
    provider: Any, roles: dict[str, Any], role: str, client: Any
) -> None:
    if roles[role] is not None:
        client.force_login(roles[role])
    response = client.get("/accounts/sign-in/")
    if roles[role] is None:
        assert "Test Hospitals NHS Trust: Test Trust Entra ID" in response.content.decode()
    else:
        # Someone signed in is sent on, as before.
        assert response.status_code == 302


def test_an_unknown_or_disabled_provider_is_not_found(provider: Any, client: Any) -> None:
    assert client.post("/accounts/sso/nope/").status_code == 404
    provider.enabled = False
    provider.save()
    assert client.post("/accounts/sso/test-trust/").status_code == 404
    assert client.get("/accounts/sso/test-trust/").status_code == 405


def test_an_invited_person_gets_their_roles_at_their_first_sign_in(
    provider: Any, nhs_org: Any
) -> None:
    """The domain lets nobody make an account by signing in, but an invitation is the
    administrator's own choice: the first sign-in makes the account and grants the role."""
    from tests import factories
    from triplewin.organisations.services.invitations import invitation_create

    admin = factories.member("org.admin@example.test", nhs_org, "organisation_administrator")
    invitation, _ = invitation_create(
        actor=admin, organisation=nhs_org, email="new.person@example.test", role="team_member"
    )
    found = sign_in(provider, "New.Person@example.test")
    assert found.outcome == linking.Outcome.CREATED
    assert found.user is not None
    assert list(found.user.memberships.values_list("organisation", "role")) == [
        (nhs_org.pk, "team_member")
    ]
    invitation.refresh_from_db()
    assert invitation.accepted_by == found.user
    # Once taken up, it is not taken up again.
    again = sign_in(provider, "new.person@example.test")
    assert again.outcome == linking.Outcome.LINKED
    assert found.user.memberships.count() == 1


def test_an_existing_account_takes_up_its_invitation(
    provider: Any, nhs_lead: Any, nhs_org: Any
) -> None:
    from tests import factories
    from triplewin.organisations.services.invitations import invitation_create

    admin = factories.member("org.admin@example.test", nhs_org, "organisation_administrator")
    invitation_create(
        actor=admin, organisation=nhs_org, email=nhs_lead.email, role="governance_member"
    )
    assert sign_in(provider, nhs_lead.email).outcome == linking.Outcome.LINKED
    assert set(nhs_lead.memberships.values_list("role", flat=True)) == {
        "partnership_lead",
        "governance_member",
    }
