"""The register shows the title as certified and published, not the project's working title."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.roles import ROLES
from triplewin.partnerships.models import Project
from triplewin.register.tests.test_outcomes import _text
from triplewin.transfers.tests.builders import published_project

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
CERTIFIED = "Asthma reviews in Lindale practices"
WORKING = "Asthma pilot (working name)"
LATER = "Quietly renamed after publication"


@pytest.fixture
def titled(nhs_lead, nhs_org, pharma_org):
    return published_project(
        actor=nhs_lead,
        lead=nhs_org,
        partners=[pharma_org],
        title=WORKING,
        summary={"title": CERTIFIED, "rationale": "Too many asthma admissions"},
        published_on=dt.date(2024, 1, 10),
    )


def _everywhere(client, project) -> dict[str, str]:
    feed = ET.fromstring(client.get(reverse("register:feed")).content)  # noqa: S314 - our own feed
    (row,) = list(csv.DictReader(io.StringIO(_text(client.get(reverse("register:csv"))))))
    (record,) = json.loads(_text(client.get(reverse("register:json"))))["partnerships"]
    return {
        "entry": client.get(reverse("register:entry", args=[project.pk])).content.decode(),
        "index": client.get(reverse("register:index")).content.decode(),
        "csv": row["title"],
        "json": record["title"],
        "feed": " ".join(e.findtext(f"{ATOM}title", "") for e in feed.iter(f"{ATOM}entry")),
    }


@pytest.mark.parametrize("role", ROLES)
def test_register_shows_the_certified_title(client_for, titled, role):
    for name, text in _everywhere(client_for(role), titled).items():
        assert CERTIFIED in text, name
        assert WORKING not in text, name


def test_a_later_edit_of_the_live_title_does_not_change_the_public_record(client, titled):
    # Edits are refused once public (see partnerships), so this stands for any other route
    # by which the working title moved: a data fix, an import.
    Project.objects.filter(pk=titled.pk).update(title=LATER)
    for name, text in _everywhere(client, titled).items():
        assert CERTIFIED in text, name
        assert LATER not in text, name
    entry = client.get(reverse("register:entry", args=[titled.pk])).content.decode()
    assert f"<title>{CERTIFIED}" in entry


def test_search_finds_the_certified_title_not_the_working_one(client, titled):
    url = reverse("register:index")
    assert CERTIFIED in client.get(url, {"q": "Lindale"}).content.decode()
    assert "0 published partnerships" in client.get(url, {"q": "working name"}).content.decode()


def test_without_a_certified_title_the_project_title_is_shown(client, published):
    # A summary imported from a published record may have no title of its own.
    body = client.get(reverse("register:entry", args=[published.pk])).content.decode()
    assert published.executive_summary.title == ""
    assert f"<h1>{published.title}</h1>" in body
    assert (
        published.title in client.get(reverse("register:index"), {"q": "asthma"}).content.decode()
    )
