"""The public endpoints: what the register publishes, page by page, with ETags; no drafts."""

from __future__ import annotations

import pytest
from django.test import Client

from triplewin.register import open_data
from triplewin.register.tests.conftest import SECRETS, draft, published, scheduled  # noqa: F401

pytestmark = pytest.mark.django_db


def test_register_lists_only_what_is_published(published, draft, scheduled):  # noqa: F811
    response = Client().get("/api/v1/register")
    assert response.status_code == 200
    body = response.json()
    assert [item["id"] for item in body["items"]] == [published.pk]
    assert body["next_cursor"] is None
    text = response.content.decode()
    for secret in SECRETS:
        assert secret not in text
    # Every open data field, with the same value as the open data file.
    assert set(body["items"][0]) == {f.name for f in open_data.FIELDS}


def test_register_pages_by_cursor_without_gaps_or_repeats(published, nhs_lead, nhs_org):  # noqa: F811
    import datetime as dt

    from triplewin.transfers.tests.builders import published_project

    more = [
        published_project(
            actor=nhs_lead,
            lead=nhs_org,
            partners=[],
            title=f"Project {n}",
            therapy_area="Respiratory",
            summary={"rationale": "r", "objectives": "o"},
            published_on=dt.date(2024, 1, 10),
            started_on=dt.date(2024, 2, 1),
        )
        for n in range(4)
    ]
    seen: list[int] = []
    cursor = ""
    for _ in range(10):
        body = Client().get("/api/v1/register", {"limit": "2", "cursor": cursor}).json()
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted([published.pk, *(p.pk for p in more)])
    assert len(seen) == len(set(seen))


def test_filters_mean_what_they_mean_on_the_register_page(published):  # noqa: F811
    assert Client().get("/api/v1/register", {"q": "asthma"}).json()["items"]
    assert not Client().get("/api/v1/register", {"q": "zebrafish"}).json()["items"]
    bad = Client().get("/api/v1/register", {"year": "twenty"})
    assert bad.status_code == 422
    assert bad["Content-Type"] == "application/problem+json"
    assert bad.json()["errors"][0]["field"] == "year"


def test_a_forged_cursor_is_a_plain_400(published):  # noqa: F811
    response = Client().get("/api/v1/register", {"cursor": "not-a-cursor"})
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": "cursor", "message": "Use the next_cursor of the previous page."}
    ]


def test_etag_answers_304_when_nothing_changed(published):  # noqa: F811
    first = Client().get(f"/api/v1/register/{published.pk}")
    assert first.status_code == 200
    etag = first["ETag"]
    again = Client().get(f"/api/v1/register/{published.pk}", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    other = Client().get(f"/api/v1/register/{published.pk}", HTTP_IF_NONE_MATCH='"other"')
    assert other.status_code == 200


def test_unpublished_entries_are_404(draft, scheduled):  # noqa: F811
    for project in (draft, scheduled):
        response = Client().get(f"/api/v1/register/{project.pk}")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"


def test_the_openapi_document_and_reference_page(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    errors = schema["paths"]["/api/v1/register"]["get"]["responses"]["422"]["content"]
    assert list(errors) == ["application/problem+json"]
    page = client.get("/api/v1/").content.decode()
    assert "GET /api/v1/register" in page
    assert "POST /api/v1/projects/{project_id}/kpis/{kpi_id}/readings" in page


def test_public_limit_per_address(settings, published, fresh_cache):  # noqa: F811
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "api_public": "3/m/ip"}
    client = Client()
    answers = [client.get("/api/v1/register").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    last = client.get("/api/v1/register")
    assert last["Retry-After"] == "60"
