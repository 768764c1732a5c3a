"""A database outage answers a plain 503 "try again"; any other failure the plain 500 page."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import OperationalError
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("triplewin.monitoring.tests.failing_urls")]


@pytest.fixture
def browser() -> Client:
    # As a real server answers: the failure becomes a page instead of reaching the test.
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("path", ["/fail/refused/", "/fail/closed/", "/fail/wrapped/"])
def test_an_unreachable_database_is_a_503_to_try_again(browser: Client, path: str) -> None:
    response = browser.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    text = response.content.decode()
    assert "Sorry, the service is unavailable" in text
    assert "Try again in a minute" in text
    # Nothing of the failure itself reaches the page.
    assert "5432" not in text
    assert "Traceback" not in text


def test_a_bug_is_still_the_500_page(browser: Client) -> None:
    response = browser.get("/fail/broken/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
    assert "Retry-After" not in response


def test_an_outage_met_in_the_middleware_is_a_503(
    browser: Client, nhs_lead: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    browser.force_login(nhs_lead)

    def down(self: SessionStore) -> Any:
        raise OperationalError("could not connect to server")

    # Loading the session is the first thing a signed-in request asks of the database.
    monkeypatch.setattr(SessionStore, "load", down)
    response = browser.get("/projects/")
    assert response.status_code == 503
    assert "Sorry, the service is unavailable" in response.content.decode()
