"""Two-factor: required for weighty roles, set up first, then asked for at every sign-in."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests import factories
from triplewin.organisations import services as org_services

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
SIGN_IN = "/accounts/sign-in/"


def without_two_factor(email: str, org: Any, role: str) -> User:
    user = User.objects.create_user(email, email=email, password=PASSWORD)
    org_services.membership_create(
        actor=None, user=user, organisation=org, role=role, function="medical"
    )
    return user


@pytest.mark.parametrize(
    ("role", "required"),
    [
        ("partnership_lead", False),
        ("team_member", False),
        ("governance_member", False),
        ("certification_signatory", True),
        ("system_oversight", True),
        ("administrator", True),
        ("organisation_administrator", True),
    ],
)
def test_who_is_sent_to_set_up_two_factor_first(pharma_org: Any, role: str, required: bool) -> None:
    user = without_two_factor("person@example.test", pharma_org, role)
    client = Client()
    client.force_login(user)
    response = client.get("/projects/")
    if required:
        assert response.status_code == 302
        assert response["Location"] == "/accounts/2fa/totp/activate/"
    else:
        assert response.status_code == 200


def test_a_superuser_sets_it_up_before_the_admin(db: None) -> None:
    admin = User.objects.create_superuser("root@example.test", "root@example.test", PASSWORD)
    client = Client()
    client.force_login(admin)
    assert client.get("/admin/")["Location"] == "/accounts/2fa/totp/activate/"
    factories.two_factor(admin)
    assert client.get("/admin/").status_code == 200


def test_until_then_only_the_account_pages_and_sign_out_are_reachable(pharma_org: Any) -> None:
    user = without_two_factor("signatory@example.test", pharma_org, "certification_signatory")
    client = Client()
    client.force_login(user)
    for path in ("/projects/", "/oversight/", "/conflicts/", "/"):
        assert client.get(path).status_code == 302, path
    assert client.get("/accounts/2fa/").status_code == 200
    assert client.get("/accounts/sessions/").status_code == 200
    assert client.post("/accounts/sign-out/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_setting_up_totp_then_the_service_opens(pharma_org: Any) -> None:
    user = without_two_factor("signatory@example.test", pharma_org, "certification_signatory")
    client = Client()
    client.post(SIGN_IN, {"login": user.email, "password": PASSWORD})
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    secret = page.context["form"].secret
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    response = client.post("/accounts/2fa/totp/activate/", {"code": code})
    assert response.status_code == 302
    assert client.get("/projects/").status_code == 200


def test_sign_in_asks_for_the_code_and_a_recovery_code_works_once(
    pharma_org: Any, certification_signatory: Any
) -> None:
    client = Client()
    response = client.post(SIGN_IN, {"login": certification_signatory.email, "password": PASSWORD})
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert "_auth_user_id" not in client.session
    wrong = client.post(response["Location"], {"code": "123456"})
    assert "The code is not right" in wrong.content.decode()
    code = factories.recovery_codes(certification_signatory)[0]
    assert client.post(response["Location"], {"code": code}).status_code == 302
    assert client.get("/projects/").status_code == 200
    again = Client()
    response = again.post(SIGN_IN, {"login": certification_signatory.email, "password": PASSWORD})
    used = again.post(response["Location"], {"code": code})
    assert "The code is not right" in used.content.decode()
    assert again.post(response["Location"], {"code": factories.totp_code()}).status_code == 302


@pytest.fixture
def certification_signatory(pharma_org: Any) -> Any:
    return factories.member(
        "signatory@example.test", pharma_org, "certification_signatory", function="medical"
    )


@pytest.mark.parametrize(
    "role",
    ["nhs_lead", "industry_lead", "governance_member", "team_member", "oversight", "outsider"],
)
def test_the_role_fixtures_still_reach_their_projects(
    role: str, client_for: Any, project: Any
) -> None:
    """The test roles that need two-factor have it, so the role matrices stay as they were."""
    response = client_for(role).get("/projects/")
    assert response.status_code == 200
