"""Nothing unpublished reaches the public, by any route an anonymous visitor or an outsider
could take: pages, search, every filter, organisation pages, open data, the feed, error pages."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from triplewin.register.tests.conftest import SECRETS

pytestmark = pytest.mark.django_db


def _body(response) -> str:
    return (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )


@pytest.fixture
def public_urls(published, draft, scheduled, project, nhs_org, pharma_org, icb):
    secret_org = draft.partners.get(organisation__name="Quillwort Private Clinic").organisation
    index = reverse("register:index")
    pages = [
        index,
        reverse("register:entry", args=[published.pk]),
        reverse("register:organisation", args=[nhs_org.pk]),
        reverse("register:organisation", args=[pharma_org.pk]),
        reverse("register:organisation", args=[icb.pk]),
        reverse("register:organisation", args=[secret_org.pk]),
        reverse("register:csv"),
        reverse("register:json"),
        reverse("register:feed"),
        reverse("register:open-data"),
        reverse("register:about"),
        # The draft's own URLs, and its pages inside the product.
        reverse("register:entry", args=[draft.pk]),
        reverse("register:entry", args=[scheduled.pk]),
        reverse("register:entry", args=[project.pk]),
        reverse("partnerships:detail", args=[draft.pk]),
        reverse("transfers:list", args=[draft.pk]),
        reverse("obligations:project", args=[draft.pk]),
        "/register/999999999/",
        "/register/not-a-number/",
    ]
    urls: list[tuple[str, str]] = [(url, "") for url in pages]
    for query in (
        "Zebrafish",
        "glaucoma",
        "Quillwort",
        "Ophthalmic",
        "31337",
        "sleep",
        "cobalt",
        "invoices",
    ):
        urls.append((f"{index}?q={query}", query))
    for name, value in (
        ("organisation", secret_org.pk),
        ("company", pharma_org.pk),
        ("icb", icb.pk),
        ("region", "Secret Region"),
        ("therapy_area", "Ophthalmic zeta"),
        ("type", "jw"),
        ("status", "idea"),
        ("year", "2024"),
        ("setting", "primary"),
    ):
        urls.append((f"{index}?{name}={value}", ""))
    return urls


@pytest.mark.parametrize("role", ["anonymous", "outsider"])
def test_no_secret_appears_anywhere_public(client_for, public_urls, role):
    client = client_for(role)
    for url, echoed in public_urls:
        response = client.get(url)
        assert response.status_code in (200, 302, 404), url
        body = _body(response)
        if echoed:
            # Every term exists only in private records, so nothing may match; the page
            # repeats what the visitor typed, which is theirs and not a leak.
            assert "0 published partnerships" in body, url
            body = body.replace(echoed, "")
        for secret in SECRETS:
            assert secret not in body, f"{secret!r} leaked through {url}"


def _without_nonce(body: str) -> str:
    return re.sub(r'nonce="[^"]*"', 'nonce=""', body)


def test_draft_urls_answer_like_missing_ones(client, draft):
    draft_response = client.get(reverse("register:entry", args=[draft.pk]))
    missing_response = client.get("/register/999999999/")
    assert draft_response.status_code == missing_response.status_code == 404
    # Each response has its own CSP nonce; everything else must be the same.
    assert _without_nonce(_body(draft_response)) == _without_nonce(_body(missing_response))


def test_totals_exclude_unpublished_transfers(client, published, draft, pharma_org):
    body = _body(client.get(reverse("register:organisation", args=[pharma_org.pk])))
    assert "£4,200.00" in body
    assert "31,337" not in body
