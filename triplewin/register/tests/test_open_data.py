"""Open data files: the whole register, published only, documented and safe to open."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.roles import ROLES
from triplewin.register.open_data import FIELDS, HEADER
from triplewin.transfers.tests.builders import published_project

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _text(response) -> str:
    return (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )


def _csv(client) -> list[dict[str, str]]:
    response = client.get(reverse("register:csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="triplewin-register-')
    return list(csv.DictReader(io.StringIO(_text(response))))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["csv", "json", "feed", "open-data"])
def test_open_data_by_role(client_for, published, draft, scheduled, role, name):
    response = client_for(role).get(reverse(f"register:{name}"))
    assert response.status_code == 200
    body = _text(response)
    if name != "open-data":
        assert published.title in body
        assert draft.title not in body
        assert scheduled.title not in body


def test_csv_has_one_documented_row_per_published_partnership(client, published, draft):
    rows = _csv(client)
    assert len(rows) == 1
    row = rows[0]
    assert tuple(row) == HEADER
    assert row["id"] == str(published.pk)
    assert row["url"].endswith(f"/register/{published.pk}/")
    assert row["status"] == "in_delivery"
    assert row["partners"] == "Test Pharma Ltd; Test Hospitals NHS Trust"
    assert row["companies"] == "Test Pharma Ltd"
    assert row["start_date"] == "2024-02-01"
    assert row["summary_published_on"] == "2024-01-10"
    assert row["rationale"] == "Too many asthma admissions"
    assert row["summary_before_start"] == "yes"
    assert row["outcomes_status"] == "not_yet_due"
    assert row["tov_total"] == "4200.00"
    assert row["tov_by_year"] == "2024: 4200.00"
    assert row["disclosures"] == "2024: overdue"


def test_json_matches_the_csv(client, published):
    data = json.loads(_text(client.get(reverse("register:json"))))
    assert data["fields"].endswith(reverse("register:open-data"))
    (record,) = data["partnerships"]
    assert list(record) == list(HEADER)
    assert record["title"] == published.title
    assert record["id"] == published.pk


def test_json_is_valid_when_empty(client):
    assert json.loads(_text(client.get(reverse("register:json"))))["partnerships"] == []


def test_every_field_is_documented(client):
    body = client.get(reverse("register:open-data")).content.decode()
    for field in FIELDS:
        assert f"<code>{field.name}</code>" in body
        assert field.description.split(",")[0] in body.replace("&#39;", "'")


def test_csv_neutralises_formulas_in_every_text_cell(client, nhs_lead, nhs_org, pharma_org):
    published_project(
        actor=nhs_lead,
        lead=nhs_org,
        partners=[pharma_org],
        title='=HYPERLINK("http://evil.example","x")',
        therapy_area="+Respiratory",
        summary={"rationale": "@import", "objectives": "-1+1", "contacts": "\tcmd"},
        published_on=dt.date(2024, 1, 10),
    )
    (row,) = _csv(client)
    for name in ("title", "therapy_area", "rationale", "objectives", "contacts"):
        assert row[name].startswith("'"), name


def test_atom_feed_lists_new_publications_newest_first(
    client, published, nhs_lead, nhs_org, pharma_org
):
    newer = published_project(
        actor=nhs_lead,
        lead=nhs_org,
        partners=[pharma_org],
        title="Newer heart project",
        published_on=dt.date(2025, 5, 1),
    )
    response = client.get(reverse("register:feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed, parsed in a test
    titles = [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")]
    assert titles == [newer.title, published.title]
    link = next(root.iter(f"{ATOM}entry")).find(f"{ATOM}link")
    assert link is not None
    assert link.get("href", "").endswith(f"/register/{newer.pk}/")


def test_atom_summaries_are_plain_text(client, nhs_lead, nhs_org, pharma_org):
    published_project(
        actor=nhs_lead,
        lead=nhs_org,
        partners=[pharma_org],
        title="Markup in a rationale",
        published_on=dt.date(2025, 5, 1),
        summary={"rationale": "Fewer <b>admissions</b> & shorter stays"},
    )
    root = ET.fromstring(client.get(reverse("register:feed")).content)  # noqa: S314
    summary = next(root.iter(f"{ATOM}entry")).find(f"{ATOM}summary")
    assert summary is not None
    assert summary.get("type") == "text"
    assert summary.text == "Fewer <b>admissions</b> & shorter stays"


def test_index_links_the_open_data(client):
    body = client.get(reverse("register:index")).content.decode()
    for name in ("csv", "json", "feed", "open-data"):
        assert reverse(f"register:{name}") in body
    assert 'type="application/atom+xml"' in body


def test_stored_control_characters_and_nhs_numbers_never_break_or_reach_the_public(
    client, published
):
    from triplewin.executive_summary.models import ExecutiveSummary
    from triplewin.partnerships.models import Project

    # Stored before the input guard existed, straight into the database.
    Project.objects.filter(pk=published.pk).update(title="Asthma\x07 reviews\x1b 943 476 5919")
    ExecutiveSummary.objects.filter(project=published).update(rationale="Seen 9434765919\x0b.")
    for name in ("csv", "json", "feed"):
        response = client.get(reverse(f"register:{name}"))
        assert response.status_code == 200
        body = _text(response)
        assert "Asthma reviews 943 *** **19" in body
        assert "943 476 5919" not in body
        assert "9434765919" not in body
        assert not any(c in body for c in "\x07\x1b\x0b")
    ET.fromstring(_text(client.get(reverse("register:feed"))))  # noqa: S314 - our own feed
    (record,) = json.loads(_text(client.get(reverse("register:json"))))["partnerships"]
    assert record["rationale"] == "Seen 943 *** **19."
