"""The register's one-minute cache: what it keeps, and that it keeps nothing private."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.template import engines
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from markupsafe import Markup

from triplewin.register import caching
from triplewin.register.cards import cards
from triplewin.register.selectors import entries

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


def _uncached(queries: CaptureQueriesContext) -> list[str]:
    """What was read from anywhere but the cache (a database cache writes in a savepoint)."""
    return [
        q["sql"]
        for q in queries
        if settings.CACHE_TABLE not in q["sql"] and "SAVEPOINT" not in q["sql"]
    ]


def test_a_card_is_drawn_once_and_shared_by_every_list(caching_on, client, published):
    first = client.get(reverse("register:index")).content.decode()
    assert published.title in first
    # A different search misses the page cache, runs its search, and takes the card as drawn.
    with CaptureQueriesContext(connection) as queries:
        body = client.get(reverse("register:index"), {"q": published.title[:6]}).content.decode()
    assert published.title in body
    (search,) = _uncached(queries)
    assert search.startswith('SELECT "partnerships_project"."id" AS "pk" FROM')
    # The organisation's page shows the same card from the cache too.
    org = published.partners.first().organisation
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("register:organisation", args=[org.pk])).content.decode()
    assert published.title in page
    # Drawing a card reads its published outcomes and its history; neither was read again.
    read = " ".join(_uncached(queries))
    assert "outcomes_outcomessummary" not in read
    assert "partnerships_projecttransition" not in read


def test_cards_are_the_entry_card_and_only_for_what_is_published(caching_on, published, draft):
    today = timezone.localdate()
    (card,) = cards([published.pk], today)
    macro = engines["jinja2"].env.get_template("register/_entry.jinja").module.entry_card  # type: ignore[attr-defined]
    (entry,) = entries([published], today)
    assert card == macro(entry)
    assert isinstance(card, Markup)
    # Asked for together, a draft has no card, and nothing is kept for it.
    assert cards([draft.pk, published.pk, draft.pk], today) == [card]
    assert cache.get(caching.key("card", today.isoformat(), str(draft.pk))) is None
    with CaptureQueriesContext(connection) as queries:
        assert cards([published.pk], today) == [card]
    assert _uncached(queries) == []
    # Each day has its own cards: what is overdue depends on the day.
    assert caching.key("card", "2026-01-01", "1") != caching.key("card", "2026-01-02", "1")


def test_cached_many_builds_only_what_it_lacks_and_keeps_only_what_was_built(caching_on):
    asked: list[list[str]] = []

    def build(missing: list[str]) -> dict[str, str]:
        asked.append(missing)
        return {name: name.upper() for name in missing if name != "gone"}

    names = {n: caching.key("test", n) for n in ("a", "b", "gone")}
    assert caching.cached_many({"a": names["a"]}, build) == {"a": "A"}
    assert caching.cached_many(names, build) == {"a": "A", "b": "B"}
    assert asked == [["a"], ["b", "gone"]]
    assert caching.cached_many(names, build) == {"a": "A", "b": "B"}
    assert asked[-1] == ["gone"]


def test_cached_many_builds_everything_when_caching_is_off():
    assert caching.cached_many({1: "x", 2: "y"}, lambda ids: {i: i * 2 for i in ids}) == {
        1: 2,
        2: 4,
    }
