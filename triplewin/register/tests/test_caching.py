"""The register's one-minute cache: what it keeps, and that it keeps nothing private."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from triplewin.register import caching

pytestmark = pytest.mark.django_db


@pytest.fixture
def caching_on(settings):
    settings.TESTING = False
    cache.clear()
    yield
    cache.clear()


def test_off_under_the_test_suite():
    assert not caching.enabled()


def test_a_repeated_page_is_served_without_queries(caching_on, client, published, draft):
    first = client.get(reverse("register:index")).content.decode()
    assert published.title in first
    with CaptureQueriesContext(connection) as queries:
        again = client.get(reverse("register:index")).content.decode()
    # The shared cache may itself be a database table (ADR 0015); nothing else is read.
    assert [q["sql"] for q in queries if settings.CACHE_TABLE not in q["sql"]] == []
    assert published.title in again
    assert draft.title not in again


def test_each_query_string_and_day_has_its_own_entry(caching_on, client, published):
    assert "1 published partnership" in client.get(reverse("register:index")).content.decode()
    body = client.get(reverse("register:index"), {"q": "no such thing"}).content.decode()
    assert "0 published partnerships" in body
    assert caching.key("index", "2026-01-01", "/") != caching.key("index", "2026-01-02", "/")
    assert caching.key("index", "2026-01-01", "/?q=a") != caching.key("index", "2026-01-01", "/")


def test_signed_in_pages_share_nothing_personal(caching_on, client_for, published):
    client_for("nhs_lead").get(reverse("register:index"))
    body = client_for("anonymous").get(reverse("register:index")).content.decode()
    assert "Sign out" not in body
    assert "nhs.lead@example.test" not in body
    assert "Nhs Tester" not in body


def test_a_partnership_page_is_kept_for_a_minute(caching_on, client, published, draft):
    url = reverse("register:entry", args=[published.pk])
    first = client.get(url).content.decode()
    assert published.title in first
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert again.status_code == 200
    assert [q["sql"] for q in queries if settings.CACHE_TABLE not in q["sql"]] == []
    assert again.content.decode() == first.replace(_nonce(first), _nonce(again.content.decode()))
    # Nothing unpublished is rendered, so nothing unpublished is kept: still not found.
    for _ in range(2):
        assert client.get(reverse("register:entry", args=[draft.pk])).status_code == 404
    assert caching.key("entry", "2026-01-01", "1") != caching.key("entry", "2026-01-01", "11")
    assert caching.key("entry", "2026-01-01", "1") != caching.key("index", "2026-01-01", "1")


def _nonce(html: str) -> str:
    marker = 'nonce="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]
