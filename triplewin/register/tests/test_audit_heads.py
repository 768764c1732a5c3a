"""The audit chain's daily heads on the register's open data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.urls import reverse

from tests.roles import ROLES
from triplewin.audit.models import ChainCheck
from triplewin.register.audit_heads import HEAD_FIELDS, HEAD_HEADER

pytestmark = pytest.mark.django_db


@pytest.fixture
def checks(db: None) -> list[ChainCheck]:
    return [
        ChainCheck.objects.create(
            day=dt.date(2027, 3, 2),
            verified=True,
            events=12,
            head_sequence=12,
            head_event_id=40,
            head_hash="b" * 64,
        ),
        ChainCheck.objects.create(
            day=dt.date(2027, 3, 1),
            verified=True,
            events=10,
            head_sequence=10,
            head_event_id=31,
            head_hash="a" * 64,
        ),
        # A failed day publishes nothing, and neither does a day with an empty chain.
        ChainCheck.objects.create(day=dt.date(2027, 3, 3), verified=False, events=4, problem="x"),
        ChainCheck.objects.create(day=dt.date(2027, 2, 28), verified=True, events=0),
    ]


def _text(response) -> str:
    return (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["audit-heads-csv", "audit-heads-json"])
def test_anyone_may_download_the_heads(client_for, checks, role, name):
    response = client_for(role).get(reverse(f"register:{name}"))
    assert response.status_code == 200
    assert "a" * 64 in _text(response)


def test_csv_lists_verified_heads_oldest_first(client, checks):
    response = client.get(reverse("register:audit-heads-csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith(
        'attachment; filename="triplewin-audit-heads-'
    )
    rows = list(csv.DictReader(io.StringIO(_text(response))))
    assert tuple(rows[0]) == HEAD_HEADER
    assert [(r["day"], r["sequence"], r["event_id"], r["hash"]) for r in rows] == [
        ("2027-03-01", "10", "31", "a" * 64),
        ("2027-03-02", "12", "40", "b" * 64),
    ]
    assert rows[0]["checked_at"].endswith("+00:00")


def test_json_lists_the_same_heads(client, checks):
    response = client.get(reverse("register:audit-heads-json"))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content)
    assert data["fields"].endswith("/register/open-data/#audit-heads")
    assert [(h["day"], h["sequence"], h["event_id"], h["hash"]) for h in data["heads"]] == [
        ("2027-03-01", 10, 31, "a" * 64),
        ("2027-03-02", 12, 40, "b" * 64),
    ]
    assert set(data["heads"][0]) == set(HEAD_HEADER)


def test_the_open_data_page_links_and_documents_the_heads(client):
    body = client.get(reverse("register:open-data")).content.decode()
    assert reverse("register:audit-heads-csv") in body
    assert reverse("register:audit-heads-json") in body
    assert 'id="audit-heads"' in body
    for field in HEAD_FIELDS:
        assert f"<code>{field.name}</code>" in body
    assert "docs/adr/0012" in body


def test_a_day_checked_by_the_scheduler_is_published(client, project):
    from triplewin.audit.daily import check_chain

    check = check_chain(today=dt.date(2027, 3, 1))
    assert check is not None
    data = json.loads(client.get(reverse("register:audit-heads-json")).content)
    assert data["heads"] == [
        {
            "day": "2027-03-01",
            "sequence": check.head_sequence,
            "event_id": check.head_event_id,
            "hash": check.head_hash,
            "checked_at": check.checked_at.astimezone(dt.UTC).isoformat(timespec="seconds"),
        }
    ]
