"""The public register shows published summaries to everyone and nothing else to anyone."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests import factories
from tests.roles import ROLES
from triplewin.executive_summary import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(nhs_lead, nhs_org, pharma_org):
    project = factories.project(
        actor=nhs_lead, lead=nhs_org, partners=[pharma_org], title="Published asthma project"
    )
    services.summary_record_published(
        actor=nhs_lead,
        project=project,
        fields={"rationale": "Too many asthma admissions"},
        certified_on=dt.date(2026, 1, 5),
        published_on=dt.date(2026, 1, 10),
    )
    return project


@pytest.fixture
def draft(nhs_lead, nhs_org, pharma_org):
    project = factories.project(
        actor=nhs_lead, lead=nhs_org, partners=[pharma_org], title="Draft diabetes project"
    )
    services.summary_record_published(
        actor=nhs_lead,
        project=project,
        fields={"rationale": "Scheduled"},
        certified_on=dt.date(2026, 1, 5),
        published_on=dt.date.today() + dt.timedelta(days=30),
    )
    return project


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_published_and_no_drafts(client_for, published, draft, project, role):
    client = client_for(role)
    body = client.get(reverse("register:index")).content.decode()
    assert published.title in body
    assert draft.title not in body
    assert project.title not in body
    entry = client.get(reverse("register:entry", args=[published.pk]))
    assert entry.status_code == 200
    assert "Too many asthma admissions" in entry.content.decode()
    assert client.get(reverse("register:entry", args=[draft.pk])).status_code == 404
    assert client.get(reverse("register:entry", args=[project.pk])).status_code == 404


def test_search_never_reveals_drafts(client, published, draft):
    assert (
        draft.title not in client.get(reverse("register:index"), {"q": "diabetes"}).content.decode()
    )
    assert (
        published.title in client.get(reverse("register:index"), {"q": "asthma"}).content.decode()
    )


def test_register_does_not_show_internal_fields(client, published):
    body = client.get(reverse("register:entry", args=[published.pk])).content.decode()
    assert published.summary not in body  # the internal "idea in brief" is not public
    assert "nhs.lead@example.test" not in body


def test_about_page(client):
    assert client.get(reverse("register:about")).status_code == 200


def test_unknown_url_gets_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_register_paginates_and_keeps_the_query(client, nhs_lead, nhs_org):
    for number in range(55):
        project = factories.project(actor=nhs_lead, lead=nhs_org, title=f"Sight test {number:02d}")
        services.summary_record_published(
            actor=nhs_lead,
            project=project,
            fields={},
            certified_on=dt.date(2026, 1, 1),
            published_on=dt.date(2026, 1, 2),
        )
    first = client.get(reverse("register:index"), {"q": "Sight"}).content.decode()
    assert "55 published partnerships" in first
    assert "?q=Sight&amp;page=2" in first
    second = client.get(reverse("register:index"), {"q": "Sight", "page": "2"}).content.decode()
    assert second.count("Sight test") == 5
    assert client.get(reverse("register:index"), {"page": "nonsense"}).status_code == 200
