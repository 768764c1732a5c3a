"""Each partner's own web pages for the summaries (ADR 0021).

ABPI Code 2024 clause 20 and guidance 000, "The executive summary": the project should not
commence until the summary is published on the industry partner's website; it is advisable
that NHS partners do the same. Guidance 000, stage 3: all parties publish outcomes.

The background check runs against a real HTTP server on this machine, never a mock.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.roles import READ, matrix
from triplewin.audit.models import AuditEvent
from triplewin.executive_summary import tasks, website
from triplewin.executive_summary.models import WebsitePublication
from triplewin.partnerships import services as project_services
from triplewin.transfers.tests.builders import published_project

pytestmark = pytest.mark.django_db

PAGE = "https://www.acme-pharma.example/partnerships/heart-failure"
# Who may record a partner's page: the partnership leads of partners (NHS ones too).
RECORD = {
    "nhs_lead": 200,
    "industry_lead": 200,
    "governance_member": 403,
    "team_member": 403,
    "oversight": 403,
    "outsider": 404,
    "anonymous": 404,
}


class _Handler(BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        self.send_response(200 if self.path == "/summary" else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def ready(nhs_lead, nhs_org, pharma_org):
    """Summary published on Triple Win's register; delivery not started yet."""
    return published_project(
        actor=nhs_lead, lead=nhs_org, partners=[pharma_org], published_on=dt.date(2026, 1, 10)
    )


def _record(actor, project, organisation, url=PAGE, document="executive_summary"):
    return website.publication_record(
        actor=actor,
        project=project,
        organisation=organisation,
        document=document,
        url=url,
        live_on=dt.date(2026, 1, 12),
    )


def _start_gate_fails(project) -> bool:
    report = project_services.gate_report(project, "in_delivery", today=dt.date(2026, 2, 1))
    return any(r.rule.id == "SUMMARY-ON-COMPANY-WEBSITE" for r in report.failed_blockers)


def test_the_start_gate_waits_for_the_company_page(ready, industry_lead, pharma_org):
    # Triple Win's register alone does not open the start gate.
    assert _start_gate_fails(ready)
    _record(industry_lead, ready, pharma_org)
    assert not _start_gate_fails(ready)


def test_an_nhs_page_is_encouraged_but_does_not_open_the_gate(ready, nhs_lead, nhs_org):
    _record(nhs_lead, ready, nhs_org, url="https://www.northfield.nhs.example/partnerships")
    assert _start_gate_fails(ready)


def test_a_page_going_live_later_does_not_open_the_gate(ready, industry_lead, pharma_org):
    website.publication_record(
        actor=industry_lead,
        project=ready,
        organisation=pharma_org,
        document="executive_summary",
        url=PAGE,
        live_on=dt.date(2026, 3, 1),
    )
    assert _start_gate_fails(ready)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("javascript:alert(1)", "must start with https://"),
        ("ftp://acme.example/summary.pdf", "must start with https://"),
        ("https://admin:secret@acme.example/", "user name or password"),
        ("", "Enter the web address"),
    ],
)
def test_bad_addresses_are_refused(ready, industry_lead, pharma_org, url, message):
    with pytest.raises(ValidationError) as error:
        _record(industry_lead, ready, pharma_org, url=url)
    assert message in error.value.message_dict["url"][0]


def test_only_a_lead_of_that_partner_records_its_page(ready, nhs_lead, pharma_org):
    with pytest.raises(PermissionDenied):
        _record(nhs_lead, ready, pharma_org)


def test_the_outcomes_page_waits_for_the_end(ready, industry_lead, pharma_org):
    with pytest.raises(ValidationError) as error:
        _record(industry_lead, ready, pharma_org, document="outcomes")
    assert "once the project has ended" in error.value.message_dict["document"][0]


def test_recording_twice_is_refused_and_changing_is_audited(ready, industry_lead, pharma_org):
    row = _record(industry_lead, ready, pharma_org)
    with pytest.raises(ValidationError):
        _record(industry_lead, ready, pharma_org)
    changed = website.publication_change(
        actor=industry_lead,
        publication=row,
        url=PAGE + "-2026",
        live_on=row.live_on,
        expected_version=row.row_version,
    )
    assert changed.row_version == 2
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"summary.website_recorded", "summary.website_changed"} <= actions


def test_the_background_check_records_a_page_that_stops_answering(
    ready, industry_lead, pharma_org, site, settings
):
    settings.WEBSITE_CHECK_ALLOW_PRIVATE = True
    row = _record(industry_lead, ready, pharma_org, url=site + "/summary")
    assert tasks.check_website_page.call(row.pk) == "answered"
    row.refresh_from_db()
    assert row.answered is True
    assert row.failing_since is None
    row = website.publication_change(
        actor=industry_lead,
        publication=row,
        url=site + "/removed",
        live_on=row.live_on,
        expected_version=row.row_version,
    )
    assert tasks.check_website_page.call(row.pk) == "not answering"
    row.refresh_from_db()
    assert row.answered is False
    assert "error 404" in row.check_detail
    assert row.failing_since is not None
    # The daily run checks every page, and audits only the changes of state.
    assert tasks.check_website_pages.call() == {"answered": 0, "not answering": 1, "gone": 0}
    assert AuditEvent.objects.filter(action="summary.website_checked").count() == 2


def test_production_never_fetches_a_local_address(ready, industry_lead, pharma_org, site):
    # WEBSITE_CHECK_ALLOW_PRIVATE is off by default: the page on 127.0.0.1 is not fetched.
    row = _record(industry_lead, ready, pharma_org, url=site + "/summary")
    assert tasks.check_website_page.call(row.pk) == "not answering"
    row.refresh_from_db()
    assert "not on the public internet" in row.check_detail


@pytest.mark.parametrize(("role", "status"), matrix(READ))
def test_pages_list_by_role(client_for, ready, industry_lead, pharma_org, role, status):
    row = _record(industry_lead, ready, pharma_org)
    WebsitePublication.objects.filter(pk=row.pk).update(
        answered=False,
        check_detail="The site answered with error 404.",
        checked_at=dt.datetime(2026, 2, 1, 6, tzinfo=dt.UTC),
        failing_since=dt.datetime(2026, 2, 1, 6, tzinfo=dt.UTC),
    )
    response = client_for(role).get(reverse("executive_summary:website", args=[ready.pk]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert PAGE in body
        assert "has not answered since 1 February 2026" in body


@pytest.mark.parametrize(("role", "status"), matrix(RECORD))
def test_add_by_role(client_for, ready, role, status, nhs_org, pharma_org):
    client = client_for(role)
    url = reverse("executive_summary:website-add", args=[ready.pk])
    assert client.get(url).status_code == status
    org = pharma_org if role == "industry_lead" else nhs_org
    response = client.post(
        url,
        {
            "organisation": org.pk,
            "document": "executive_summary",
            "url": PAGE,
            "live_on": "2026-01-12",
        },
    )
    if status == 200:
        assert response.status_code == 302
        assert WebsitePublication.objects.get().organisation == org
    else:
        assert response.status_code == status
        assert not WebsitePublication.objects.exists()


def test_add_shows_a_bad_address_next_to_the_field(client_for, ready, pharma_org):
    response = client_for("industry_lead").post(
        reverse("executive_summary:website-add", args=[ready.pk]),
        {
            "organisation": pharma_org.pk,
            "document": "executive_summary",
            "url": "https://user:pw@acme.example/",
            "live_on": "2026-01-12",
        },
    )
    assert response.status_code == 400
    assert "must not contain a user name or password" in response.content.decode()
    assert not WebsitePublication.objects.exists()


@pytest.mark.parametrize(("role", "status"), matrix(RECORD))
def test_change_by_role(
    client_for, ready, industry_lead, nhs_lead, pharma_org, nhs_org, role, status
):
    # Each partner changes its own page; the NHS lead's is the NHS partner's.
    owner, org = (nhs_lead, nhs_org) if role == "nhs_lead" else (industry_lead, pharma_org)
    row = _record(owner, ready, org)
    client = client_for(role)
    url = reverse("executive_summary:website-change", args=[ready.pk, row.pk])
    assert client.get(url).status_code == status
    response = client.post(
        url, {"url": PAGE + "-v2", "live_on": "2026-01-12", "row_version": row.row_version}
    )
    row.refresh_from_db()
    if status == 200:
        assert response.status_code == 302
        assert row.url == PAGE + "-v2"
    else:
        assert response.status_code == status
        assert row.url == PAGE


def test_the_public_register_links_to_live_pages(client, ready, industry_lead, pharma_org):
    _record(industry_lead, ready, pharma_org)
    body = client.get(reverse("register:entry", args=[ready.pk])).content.decode()
    assert PAGE in body
    assert 'rel="noopener noreferrer nofollow"' in body
