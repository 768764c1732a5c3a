"""The public register shows published summaries to everyone and nothing else to anyone."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from tests import factories
from tests.roles import ROLES
from triplewin.executive_summary import services
from triplewin.transfers.tests.builders import published_project

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_published_and_no_drafts(
    client_for, published, draft, scheduled, project, role
):
    client = client_for(role)
    body = client.get(reverse("register:index")).content.decode()
    assert published.title in body
    for hidden in (draft, scheduled, project):
        assert hidden.title not in body
    entry = client.get(reverse("register:entry", args=[published.pk]))
    assert entry.status_code == 200
    assert "Too many asthma admissions" in entry.content.decode()
    for hidden in (draft, scheduled, project):
        assert client.get(reverse("register:entry", args=[hidden.pk])).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_organisation_page_by_role(client_for, published, draft, nhs_org, role):
    client = client_for(role)
    response = client.get(reverse("register:organisation", args=[nhs_org.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert published.title in body
    assert draft.title not in body
    assert "£4,200.00" in body


def test_organisation_only_in_a_draft_is_not_public(client, draft):
    secret = draft.partners.get(organisation__name="Quillwort Private Clinic").organisation
    response = client.get(reverse("register:organisation", args=[secret.pk]))
    assert response.status_code == 404
    assert "Quillwort" not in response.content.decode()


def test_company_page_shows_what_it_transferred(client, published, pharma_org, nhs_org):
    body = client.get(reverse("register:organisation", args=[pharma_org.pk])).content.decode()
    assert "Transfers of value made" in body
    assert nhs_org.name in body
    assert "£4,200.00" in body


def test_entry_shows_partners_period_tov_and_obligations(client, published, nhs_org):
    body = client.get(reverse("register:entry", args=[published.pk])).content.decode()
    assert reverse("register:organisation", args=[nhs_org.pk]) in body
    assert "1 February 2024" in body
    assert "Summary published before start" in body
    assert "Yes: published 10 January 2024" in body
    assert "£4,200.00" in body
    assert "2024 overdue (due 30 June 2025)" in body


def test_register_does_not_show_internal_fields(client, published):
    body = client.get(reverse("register:entry", args=[published.pk])).content.decode()
    assert published.summary not in body  # the internal "idea in brief" is not public
    assert "Working note about invoices" not in body
    assert "nhs.lead@example.test" not in body


def test_search_never_reveals_drafts(client, published, draft):
    url = reverse("register:index")
    assert draft.title not in client.get(url, {"q": "glaucoma"}).content.decode()
    assert "0 published partnerships" in client.get(url, {"q": "Zebrafish"}).content.decode()
    assert published.title in client.get(url, {"q": "asthma"}).content.decode()


def test_search_reads_only_public_fields(client, published):
    url = reverse("register:index")
    # The word is only in the internal "idea in brief": searching it finds nothing.
    assert "0 published partnerships" in client.get(url, {"q": "cobalt"}).content.decode()
    assert "1 published partnership" in client.get(url, {"q": "every patient"}).content.decode()
    assert "1 published partnership" in client.get(url, {"q": "Test Pharma"}).content.decode()
    assert "1 published partnership" in client.get(url, {"q": "respiratory"}).content.decode()


@pytest.fixture
def second(nhs_lead, other_org, industry_lead, pharma_org):
    other_lead = factories.member("other.lead@example.test", other_org, "partnership_lead")
    other_org.region = "North West"
    other_org.save()
    return published_project(
        actor=other_lead,
        lead=other_org,
        partners=[pharma_org],
        title="Kidney care in hospital",
        therapy_area="Renal",
        origin_setting="secondary",
        intended_type="jw",
        published_on=dt.date(2022, 3, 1),
        started_on=dt.date(2022, 4, 1),
        ended_on=dt.date(2022, 12, 31),
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"Published asthma project", "Kidney care in hospital"}),
        ({"organisation": "ORG"}, {"Published asthma project"}),
        ({"company": "PHARMA"}, {"Published asthma project", "Kidney care in hospital"}),
        ({"icb": "ICB"}, {"Published asthma project"}),
        ({"region": "North West"}, {"Kidney care in hospital"}),
        ({"setting": "secondary"}, {"Kidney care in hospital"}),
        ({"therapy_area": "renal"}, {"Kidney care in hospital"}),
        ({"type": "cw"}, {"Published asthma project"}),
        ({"status": "completed"}, {"Kidney care in hospital"}),
        ({"status": "in_delivery"}, {"Published asthma project"}),
        ({"year": "2022"}, {"Kidney care in hospital"}),
        ({"year": "2024"}, {"Published asthma project"}),
        ({"year": "2019"}, set()),
        ({"type": "jw", "setting": "secondary", "q": "kidney"}, {"Kidney care in hospital"}),
        ({"type": "jw", "setting": "primary"}, set()),
        # Values that are not valid are ignored rather than failing.
        (
            {"organisation": "not-a-number", "year": "20x4", "status": "bogus"},
            {"Published asthma project", "Kidney care in hospital"},
        ),
    ],
)
def test_filters_combine(
    client, published, second, draft, nhs_org, pharma_org, icb, params, expected
):
    names = {"ORG": nhs_org.pk, "PHARMA": pharma_org.pk, "ICB": icb.pk}
    query = {k: str(names.get(v, v)) for k, v in params.items()}
    body = client.get(reverse("register:index"), query).content.decode()
    shown = {t for t in ("Published asthma project", "Kidney care in hospital") if t in body}
    assert shown == expected
    assert draft.title not in body


def test_filter_options_come_only_from_published_work(client, published, draft, second):
    body = client.get(reverse("register:index")).content.decode()
    assert "Quillwort Private Clinic" not in body
    assert "Secret Region" not in body
    assert "Ophthalmic zeta" not in body
    assert ">North West<" in body
    assert ">Renal<" in body


def test_filtering_by_a_draft_only_organisation_echoes_nothing(client, draft, published):
    secret = draft.partners.get(organisation__name="Quillwort Private Clinic").organisation
    body = client.get(
        reverse("register:index"), {"organisation": secret.pk, "region": "Secret Region"}
    ).content.decode()
    assert "Quillwort" not in body
    assert "Secret Region" not in body
    assert "0 published partnerships" in body


def test_filters_are_stable_urls_and_removable(client, published, second, pharma_org):
    body = client.get(
        reverse("register:index"), {"company": pharma_org.pk, "type": "jw"}
    ).content.decode()
    assert "Filtered by" in body
    assert f"?company={pharma_org.pk}" in body  # removing the type filter keeps the company
    assert f'value="{pharma_org.pk}" selected' in body


def test_overdue_outcome_is_flagged(client, second):
    body = client.get(reverse("register:entry", args=[second.pk])).content.decode()
    assert "Due by 30 June 2023, not yet published" in body
    assert "nhsuk-tag--red" in body


def test_about_page(client):
    body = client.get(reverse("register:about")).content.decode()
    assert reverse("register:open-data") in body


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
    last = client.get(reverse("register:index"), {"q": "Sight", "page": "3"}).content.decode()
    assert last.count("Sight test") == 15  # twenty to a page
    assert client.get(reverse("register:index"), {"page": "nonsense"}).status_code == 200
    # Every page in turn lists each match once, in the register's order, newest first.
    seen = []
    for number in (1, 2, 3):
        body = client.get(reverse("register:index"), {"q": "Sight", "page": number})
        seen += re.findall(r"Sight test (\d\d)<", body.content.decode())
    assert seen == [f"{n:02d}" for n in range(54, -1, -1)]
    # A number past the end, or absurdly large, gives the last page; zero or less the first.
    for beyond in ("4", "99", "9" * 40):
        body = client.get(reverse("register:index"), {"q": "Sight", "page": beyond})
        assert body.status_code == 200
        assert re.findall(r"Sight test (\d\d)<", body.content.decode())[0] == "14"
    for before in ("0", "-3"):
        body = client.get(reverse("register:index"), {"q": "Sight", "page": before})
        assert re.findall(r"Sight test (\d\d)<", body.content.decode())[0] == "54"
    nothing = client.get(reverse("register:index"), {"q": "no such words", "page": "5"})
    assert "0 published partnerships" in nothing.content.decode()


def test_register_query_count_does_not_grow_with_the_page(
    client, nhs_lead, nhs_org, django_assert_max_num_queries
):
    for number in range(30):
        project = factories.project(actor=nhs_lead, lead=nhs_org, title=f"Query {number}")
        services.summary_record_published(
            actor=nhs_lead,
            project=project,
            fields={},
            certified_on=dt.date(2026, 1, 1),
            published_on=dt.date(2026, 1, 2),
        )
    with django_assert_max_num_queries(16):
        assert client.get(reverse("register:index")).status_code == 200


def test_print_friendly_pages_hide_controls(client, published):
    body = client.get(reverse("register:index")).content.decode()
    assert 'class="nhsuk-grid-column-one-third tw-no-print"' in body
