"""A published summary of outcomes on the register: its text, KPI results and certified PDF.

Only a published summary reaches the public, and only KPIs shared with every partner; a
summary still being signed off, and NHS-only KPIs, never appear on any public page or file.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.roles import ROLES
from triplewin.documents.models import CertifiedCopy, DocumentVersion
from triplewin.documents.verification import match_file_hash
from triplewin.outcomes.tests.builders import JUDGEMENTS
from triplewin.register import certified
from triplewin.register.open_data import HEADER
from triplewin.register.selectors import entries
from triplewin.register.tests.conftest import NHS_ONLY_KPI, SHARED_KPI

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
CONCLUSIONS = JUDGEMENTS["conclusions"]


def _text(response) -> str:
    return (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )


def _public_outputs(client, project) -> dict[str, str]:
    """Every public page and file that could carry a project's outcomes."""
    return {
        name: _text(client.get(url))
        for name, url in {
            "index": reverse("register:index"),
            "entry": reverse("register:entry", args=[project.pk]),
            "csv": reverse("register:csv"),
            "json": reverse("register:json"),
            "feed": reverse("register:feed"),
        }.items()
    }


# --- Selectors and presenters ---------------------------------------------------------------


def test_only_a_published_summary_is_published(signed_off, nhs_lead):
    today = timezone.localdate()
    assert not certified.published_outcomes(today).filter(project=signed_off).exists()
    from triplewin.outcomes import services

    services.outcomes_publish(actor=nhs_lead, project=signed_off, expected_version=None)
    assert certified.published_outcomes(today).filter(project=signed_off).exists()
    # A day before it was published, it was not yet public.
    yesterday = today - dt.timedelta(days=1)
    assert not certified.published_outcomes(yesterday).filter(project=signed_off).exists()


def test_entry_presenter_holds_text_and_shared_kpis_only(with_outcomes):
    (entry,) = entries([with_outcomes], timezone.localdate(), with_kpis=True)
    assert entry.outcomes is not None
    assert entry.outcomes.published_on == timezone.localdate()
    rows = {row.label: row.value for row in entry.outcomes.rows()}
    assert rows["Conclusions and learnings"] == CONCLUSIONS
    (kpi,) = entry.outcomes.kpi_results
    assert kpi.name == SHARED_KPI
    assert kpi.unit == "%"
    assert kpi.baseline.startswith("40")
    assert "%" in kpi.baseline
    assert "2024" in kpi.baseline
    assert kpi.latest.startswith("82")
    assert "March 2024" in kpi.latest
    assert kpi.target.startswith("80")
    assert "31 December 2025" in kpi.target
    assert kpi.met == "Met"
    assert entry.outcomes.pdf_path == reverse("register:outcomes-pdf", args=[with_outcomes.pk])


def test_lists_of_entries_leave_kpi_results_out(with_outcomes):
    (entry,) = entries([with_outcomes], timezone.localdate())
    assert entry.outcomes is not None
    assert entry.outcomes.kpi_results == []


# --- The entry page, as every role ----------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_entry_shows_published_outcomes_to_everyone(client_for, with_outcomes, role):
    response = client_for(role).get(reverse("register:entry", args=[with_outcomes.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Summary of project outcomes" in body
    assert CONCLUSIONS in body
    assert SHARED_KPI in body
    assert "31 December 2025" in body  # the target's date
    assert reverse("register:outcomes-pdf", args=[with_outcomes.pk]) in body
    assert reverse("documents:verify") in body
    assert NHS_ONLY_KPI not in body


@pytest.mark.parametrize("role", ROLES)
def test_outcomes_not_yet_published_are_nowhere_public(client_for, signed_off, role):
    client = client_for(role)
    for name, body in _public_outputs(client, signed_off).items():
        assert CONCLUSIONS not in body, name
        assert NHS_ONLY_KPI not in body, name
        assert SHARED_KPI not in body, name
        assert "Outcomes published:" not in body, name
    assert "Summary of project outcomes" not in _public_outputs(client, signed_off)["entry"]
    pdf = client.get(reverse("register:outcomes-pdf", args=[signed_off.pk]))
    assert pdf.status_code == 404


def test_nhs_only_kpi_is_in_no_public_output(client, with_outcomes):
    for name, body in _public_outputs(client, with_outcomes).items():
        assert NHS_ONLY_KPI not in body, name
    assert SHARED_KPI in _public_outputs(client, with_outcomes)["csv"]


# --- The certified PDF ----------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_certified_pdf_is_the_frozen_copy_for_everyone(client_for, with_outcomes, role):
    url = reverse("register:outcomes-pdf", args=[with_outcomes.pk])
    response = client_for(role).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    content = response.content
    assert content.startswith(b"%PDF")
    copy = CertifiedCopy.objects.get(version__project=with_outcomes)
    assert hashlib.sha256(content).hexdigest() == copy.pdf_sha256
    assert copy.version.document == "outcomes"
    # The verification page recognises it as the published, certified text.
    match = match_file_hash(copy.pdf_sha256)
    assert match is not None
    assert match.status == "Published"
    # Asked again, the same bytes: never regenerated.
    assert client_for(role).get(url).content == content
    assert CertifiedCopy.objects.filter(version__project=with_outcomes).count() == 1


def test_no_pdf_for_a_project_not_on_the_register(client, draft, with_outcomes):
    assert client.get(reverse("register:outcomes-pdf", args=[draft.pk])).status_code == 404
    assert client.get(reverse("register:outcomes-pdf", args=[999999])).status_code == 404


def test_no_pdf_without_published_outcomes(client, published):
    response = client.get(reverse("register:outcomes-pdf", args=[published.pk]))
    assert response.status_code == 404
    assert not CertifiedCopy.objects.exists()


def test_no_pdf_of_outcomes_scheduled_for_later(client, signed_off, nhs_lead):
    from triplewin.outcomes import services

    services.outcomes_publish(
        actor=nhs_lead,
        project=signed_off,
        expected_version=None,
        today=timezone.localdate() + dt.timedelta(days=3),
    )
    assert client.get(reverse("register:outcomes-pdf", args=[signed_off.pk])).status_code == 404
    body = client.get(reverse("register:entry", args=[signed_off.pk])).content.decode()
    assert CONCLUSIONS not in body


# --- Open data and the feed -----------------------------------------------------------------


def test_csv_and_json_carry_the_published_outcomes(client, with_outcomes):
    (row,) = list(csv.DictReader(io.StringIO(_text(client.get(reverse("register:csv"))))))
    assert tuple(row) == HEADER
    assert row["outcomes_published_on"] == timezone.localdate().isoformat()
    assert row["outcomes_pdf"].endswith(reverse("register:outcomes-pdf", args=[with_outcomes.pk]))
    assert row["outcomes_conclusions"] == CONCLUSIONS
    assert row["outcomes_patients"] == JUDGEMENTS["outcomes_patients"]
    assert row["kpi_results"].startswith(f"{SHARED_KPI} (%): baseline 40")
    assert "target 80" in row["kpi_results"]
    assert row["kpi_results"].endswith("Met")
    data = json.loads(_text(client.get(reverse("register:json"))))
    (record,) = data["partnerships"]
    assert list(record) == list(HEADER)
    assert record["outcomes_conclusions"] == CONCLUSIONS
    (kpi,) = record["kpi_results"]
    assert set(kpi) == {"name", "category", "unit", "baseline", "latest", "target", "met"}
    assert kpi["name"] == SHARED_KPI
    assert kpi["unit"] == "%"


def test_open_data_outcomes_fields_are_empty_before_publication(client, published):
    (row,) = list(csv.DictReader(io.StringIO(_text(client.get(reverse("register:csv"))))))
    for name in ("outcomes_published_on", "outcomes_pdf", "outcomes_conclusions", "kpi_results"):
        assert row[name] == "", name
    (record,) = json.loads(_text(client.get(reverse("register:json"))))["partnerships"]
    assert record["kpi_results"] == []


def test_csv_neutralises_formulas_in_outcomes_and_kpis(
    client, completed, nhs_lead, signatory, committees, wired
):
    from triplewin.kpis.tests import builders as kpi_builders
    from triplewin.outcomes import services
    from triplewin.outcomes.tests import builders

    kpi_builders.kpi(completed, nhs_lead, name="=cmd|' /C calc'!A0")
    builders.drafted(completed, nhs_lead)
    services.outcomes_save(
        actor=nhs_lead,
        project=completed,
        fields={"conclusions": '=HYPERLINK("http://evil.example","x")', "overview": "+1+1"},
        expected_version=None,
    )
    services.outcomes_certify(actor=signatory, project=completed, expected_version=None)
    builders.approve_all(completed, team=nhs_lead, committees=committees)
    services.outcomes_publish(actor=nhs_lead, project=completed, expected_version=None)
    (row,) = list(csv.DictReader(io.StringIO(_text(client.get(reverse("register:csv"))))))
    for name in ("outcomes_conclusions", "outcomes_overview", "kpi_results"):
        assert row[name].startswith("'"), name


def test_feed_announces_published_outcomes(client, with_outcomes):
    root = ET.fromstring(client.get(reverse("register:feed")).content)  # noqa: S314 - our own feed
    found = {e.findtext(f"{ATOM}title"): e for e in root.iter(f"{ATOM}entry")}
    title = f"Outcomes published: {with_outcomes.title}"
    assert next(iter(found)) == title  # published today, after the executive summary
    assert with_outcomes.title in found  # the summary's own entry stays
    outcomes = found[title]
    assert outcomes.findtext(f"{ATOM}id", "").endswith("#outcomes-heading")
    summary_text = outcomes.findtext(f"{ATOM}summary", "")
    assert summary_text == with_outcomes.outcomes_summary.overview
    assert outcomes.findtext(f"{ATOM}id") != found[with_outcomes.title].findtext(f"{ATOM}id")


def test_publishing_freezes_the_pdf_before_anyone_asks(with_outcomes):
    copy = CertifiedCopy.objects.get(version__project=with_outcomes)
    assert copy.version.document == "outcomes"
    assert copy.status == "published"


def test_the_public_pdf_route_only_reads_a_frozen_copy(client, signed_off, nhs_lead, monkeypatch):
    from triplewin.outcomes import services

    # A publication from before copies were frozen at publication: nothing frozen yet.
    monkeypatch.setattr(services, "_freeze_certified_copy", lambda **kwargs: None)
    services.outcomes_publish(actor=nhs_lead, project=signed_off, expected_version=None)
    response = client.get(reverse("register:outcomes-pdf", args=[signed_off.pk]))
    assert response.status_code == 404
    assert not CertifiedCopy.objects.exists()
    assert not DocumentVersion.objects.filter(project=signed_off, document="outcomes").exists()
