"""Sign-in throttling (allauth's limit in the shared cache): ten failures within fifteen minutes
lock the account, and separately the address."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests import factories
from tests.roles import ROLES
from tests.workers import new_worker
from triplewin.accounts.throttling import duration

pytestmark = pytest.mark.django_db

SIGN_IN = "/accounts/sign-in/"
ADMIN = "/admin/login/?next=/admin/"
PASSWORD = "a-long-test-password"
LOCKED = "Too many failed sign-ins. Try again in 15 minutes."


def attempt(email: str, password: str, *, address: str = "192.0.2.10", url: str = SIGN_IN) -> Any:
    return Client(REMOTE_ADDR=address).post(url, {"login": email, "password": password})


def fail(email: str, times: int, **where: Any) -> list[int]:
    return [attempt(email, "wrong", **where).status_code for _ in range(times)]


def test_fifty_wrong_passwords_are_stopped_after_ten_with_a_plain_message(nhs_lead: Any) -> None:
    codes = fail(nhs_lead.username, 50)
    # The tenth failure is answered as a wrong password; every try after it is refused.
    assert codes[:10] == [200] * 10
    assert codes[10:] == [429] * 40
    response = attempt(nhs_lead.username, "wrong")
    html = response.content.decode()
    assert response.status_code == 429
    assert LOCKED in html
    assert "<h1>Too many failed sign-ins</h1>" in html
    # The page is the site's own layout, with its navigation and CSP nonce.
    assert 'class="nhsuk-header' in html
    assert "nonce-" in response.headers["Content-Security-Policy"]


def test_the_right_password_is_refused_while_locked(nhs_lead: Any) -> None:
    fail(nhs_lead.username, 10)
    client = Client(REMOTE_ADDR="192.0.2.10")
    response = client.post(SIGN_IN, {"login": nhs_lead.username, "password": PASSWORD})
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_account_is_locked_whichever_addresses_the_guesses_come_from(nhs_lead: Any) -> None:
    for n in range(10):
        attempt(nhs_lead.username, "wrong", address=f"198.51.100.{n}")
    assert attempt(nhs_lead.username, PASSWORD, address="203.0.113.7").status_code == 429


def test_an_address_is_locked_whichever_accounts_it_tries(nhs_lead: Any) -> None:
    for n in range(10):
        attempt(f"guess{n}@example.test", "wrong", address="198.51.100.20")
    assert attempt(nhs_lead.username, PASSWORD, address="198.51.100.20").status_code == 429
    # The account itself is not locked: from elsewhere it signs in.
    assert attempt(nhs_lead.username, PASSWORD, address="198.51.100.21").status_code == 302


def test_nine_failures_still_let_the_right_password_in(nhs_lead: Any) -> None:
    fail(nhs_lead.username, 9)
    assert attempt(nhs_lead.username, PASSWORD).status_code == 302


def test_the_email_address_counts_the_same_however_it_is_typed(nhs_lead: Any) -> None:
    for n in range(10):
        typed = nhs_lead.username.upper() if n % 2 else f"  {nhs_lead.username} "
        attempt(typed, "wrong", address=f"198.51.100.{n}")
    assert attempt(nhs_lead.username, PASSWORD, address="203.0.113.8").status_code == 429


def test_the_admin_signs_in_through_the_same_throttled_page(db: None) -> None:
    admin = get_user_model().objects.create_superuser("admin@example.test", password=PASSWORD)
    response = Client().get(ADMIN)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/sign-in/?next=/admin/"
    fail(admin.username, 10)
    response = attempt(admin.username, PASSWORD)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()


def test_wrong_two_factor_codes_count_too(nhs_lead: Any) -> None:
    """The code asked for after the password is limited by the same mechanism."""
    factories.two_factor(nhs_lead)
    client = Client(REMOTE_ADDR="192.0.2.40")
    response = client.post(SIGN_IN, {"login": nhs_lead.username, "password": PASSWORD})
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    codes = [client.post(response["Location"], {"code": "000000"}).status_code for _ in range(11)]
    assert codes[-1] == 200
    body = client.post(response["Location"], {"code": factories.totp_code()}).content.decode()
    assert "Too many failed sign-ins" in body
    assert "_auth_user_id" not in client.session


def test_failures_are_counted_across_workers(nhs_lead: Any) -> None:
    fail(nhs_lead.username, 5)
    new_worker()
    fail(nhs_lead.username, 4)
    assert attempt(nhs_lead.username, PASSWORD).status_code == 302
    fail(nhs_lead.username, 1)
    new_worker()
    assert attempt(nhs_lead.username, PASSWORD).status_code == 429


def test_behind_a_proxy_the_configured_header_names_the_address(
    nhs_lead: Any, settings: Any
) -> None:
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    for n in range(10):
        # The left part is whatever the client sent; the proxy appends the real address.
        Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.30").post(
            SIGN_IN, {"login": f"guess{n}@example.test", "password": "wrong"}
        )
    behind = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.31")
    login = {"login": nhs_lead.username, "password": PASSWORD}
    assert behind.post(SIGN_IN, login).status_code == 302
    spoofed = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.99, 198.51.100.30")
    assert spoofed.post(SIGN_IN, login).status_code == 429


@pytest.mark.parametrize("role", ROLES)
def test_the_lockout_page_as_each_role(role: str, roles: dict[str, Any]) -> None:
    user = roles[role]
    email = user.username if user is not None else "nobody@example.test"
    fail(email, 10)
    response = attempt(email, PASSWORD)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()


@pytest.mark.parametrize(
    ("delta", "words"),
    [
        (dt.timedelta(minutes=15), "15 minutes"),
        (dt.timedelta(minutes=1), "1 minute"),
        (dt.timedelta(seconds=20), "1 minute"),
        (dt.timedelta(hours=1), "1 hour"),
        (dt.timedelta(minutes=90), "1 hour and 30 minutes"),
        (dt.timedelta(hours=2, minutes=1), "2 hours and 1 minute"),
    ],
)
def test_duration_in_plain_english(delta: dt.timedelta, words: str) -> None:
    assert duration(delta) == words
