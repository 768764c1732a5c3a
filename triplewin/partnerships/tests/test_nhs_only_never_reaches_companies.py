"""NHS-only records never reach a company user, by any page, document, export or email.

Every NHS-only record (a KPI not shared with companies, its measurements, the criteria with a
condition on it, and the audit events about them) carries a marker no other text contains.
Then each company user crawls everything reachable about the project (tests/crawl.py: every
URL pattern of the URLconf, and every link from there), the reminders run, and no page, Word
file, PDF, workbook, CSV, pack member or email sent to them may hold a marker. The NHS lead
crawls too and must find every marker, so the test proves it can fail.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from tests.crawl import Crawl, Fill
from triplewin.delivery.tests.fixtures import overdue_action
from triplewin.documents import services as document_services
from triplewin.documents.kinds import KINDS
from triplewin.kpis import services as kpi_services
from triplewin.kpis.tests import builders as kpi_builders
from triplewin.obligations.reminders import send_due_reminders
from triplewin.outcomes import services as outcome_services
from triplewin.outcomes.tests import builders as outcome_builders

# Each marker is planted in exactly one kind of NHS-only text.
MARKERS = {
    "kpi name": "Zqxkpiname",
    "kpi definition": "Zqxdefinition",
    "kpi definition as changed": "Zqxredefined",
    "kpi data source": "Zqxsource",
    "measurement note": "Zqxnote",
    "site measurement note": "Zqxsitenote",
    "uploaded file name": "Zqxupload",
    "criterion name": "Zqxcriterion",
    "criterion description": "Zqxcritdesc",
    "second kpi name": "Zqxsecondkpi",
}
# Numbers are markers too: a hidden KPI's target, a value and a criterion's threshold, in
# every way they are printed.
NUMBERS = {
    "kpi target": ("64,813", "64813"),
    "measurement value": ("73,195", "73195"),
    "criterion threshold": ("91,357", "91357"),
}

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def _shared(project: Any, nhs_lead: Any, industry_lead: Any) -> None:
    """Records every partner sees, so a company's pages have KPIs, criteria and actions."""
    kpi_services.site_add(actor=nhs_lead, project=project, name="North clinic", code="N1")
    shared = kpi_builders.kpi(project, nhs_lead, name="Patients offered a structured review")
    kpi_builders.record_series(shared, nhs_lead, [40, 52, 61])
    criterion = kpi_services.criterion_create(
        actor=nhs_lead, project=project, name="Reviews offered widely"
    )
    kpi_services.condition_add(
        actor=nhs_lead, criterion=criterion, kpi=shared, comparison="gte", threshold=Decimal(50)
    )
    overdue_action(project, nhs_lead, industry_lead)


def _plant(project: Any, nhs_lead: Any) -> dict[str, int]:
    """The NHS-only records, each holding a marker; returns their ids."""
    site = project.kpi_sites.get()
    shared = project.kpis.get()
    open_criterion = project.kpi_criteria.get()
    hidden = kpi_builders.kpi(
        project,
        nhs_lead,
        name=f"Admissions {MARKERS['kpi name']}",
        definition=f"Admissions counted by {MARKERS['kpi definition']}.",
        data_source=f"Ward system {MARKERS['kpi data source']}",
        unit="admissions",
        target_value=Decimal(64813),
        direction="down",
        rollup="sum",
        company_may_see=False,
        aggregated_anonymised=False,
    )
    kpi_services.measurement_record(
        actor=nhs_lead,
        kpi=hidden,
        period=dt.date(2024, 1, 1),
        value=Decimal(73195),
        note=f"Winter peak {MARKERS['measurement note']}",
    )
    kpi_services.measurement_record(
        actor=nhs_lead,
        kpi=hidden,
        period=dt.date(2024, 2, 1),
        value=Decimal(12),
        site=site,
        note=f"Clinic closed {MARKERS['site measurement note']}",
    )
    kpi_services.measurements_upload(
        actor=nhs_lead,
        kpi=hidden,
        upload=kpi_builders.upload(
            f"{MARKERS['uploaded file name']}.csv", b"period,value\n2024-03-01,15\n"
        ),
    )
    kpi_services.kpi_update(
        actor=nhs_lead,
        kpi=hidden,
        fields={"definition": f"Admissions counted by {MARKERS['kpi definition as changed']}."},
        expected_version=None,
    )
    secret = kpi_services.criterion_create(
        actor=nhs_lead,
        project=project,
        name=MARKERS["criterion name"],
        description=MARKERS["criterion description"],
    )
    kpi_services.condition_add(
        actor=nhs_lead, criterion=secret, kpi=shared, comparison="gte", threshold=Decimal(70)
    )
    kpi_services.condition_add(
        actor=nhs_lead, criterion=secret, kpi=hidden, comparison="lte", threshold=Decimal(91357)
    )
    # A shared criterion that once had a condition on another NHS-only KPI.
    second = kpi_builders.kpi(
        project,
        nhs_lead,
        name=MARKERS["second kpi name"],
        company_may_see=False,
        aggregated_anonymised=False,
    )
    removed = kpi_services.condition_add(
        actor=nhs_lead,
        criterion=open_criterion,
        kpi=second,
        comparison="gte",
        threshold=Decimal(1),
    )
    removed_pk = removed.pk
    kpi_services.condition_remove(actor=nhs_lead, condition=removed)
    # The NHS-only records' ids, tried in every URL pattern that takes an id.
    return {
        "hidden": hidden.pk,
        "second": second.pk,
        "criterion": secret.pk,
        "removed condition": removed_pk,
        "measurement": hidden.measurements.first().pk,  # type: ignore[union-attr]
    }


ENDED_ON = timezone.localdate() - dt.timedelta(days=30)


@pytest.fixture
def delivering(
    nhs_lead: Any, industry_lead: Any, nhs_org: Any, pharma_org: Any, monkeypatch: Any
) -> Any:
    """A partnership in delivery whose shared records are in place."""
    outcome_builders.wire_facts(monkeypatch)
    project = outcome_builders.in_delivery(
        nhs_lead=nhs_lead,
        industry_lead=industry_lead,
        nhs_org=nhs_org,
        pharma_org=pharma_org,
        ended_on=ENDED_ON,
    )
    _shared(project, nhs_lead, industry_lead)
    return project


@pytest.fixture
def world(delivering: Any, nhs_lead: Any) -> tuple[Any, dict[str, int]]:
    """The NHS-only records added; then completed, its outcomes summary drafted and a
    version of every document recorded."""
    project = delivering
    ended_on = ENDED_ON
    ids = _plant(project, nhs_lead)
    status_report = document_services.document_generate(
        actor=nhs_lead, project=project, document="status-report"
    )
    assert status_report[1]
    project = outcome_builders.complete(project, nhs_lead, ended_on)
    outcome_services.outcomes_generate(actor=nhs_lead, project=project)
    for kind in KINDS:
        for subject in kind.subjects(project):
            document_services.document_generate(
                actor=nhs_lead, project=project, document=subject.key
            )
    return project, ids


def _crawl(user: Any, project: Any, ids: dict[str, int]) -> Crawl:
    client = Client()
    client.force_login(user)
    slugs = [s.key for kind in KINDS for s in kind.subjects(project)]
    fill = Fill(
        ids=sorted({*ids.values(), *(p.organisation_id for p in project.partners.all())}),
        slugs=sorted({*slugs, "communications", "data", "engagement", "stakeholders", "raci"}),
        strings=["csv", "xlsx", "complete", "start"],
    )
    return Crawl(client, project.pk, fill).run()


def _leaks(texts: dict[str, str]) -> list[str]:
    found = []
    for where, text in texts.items():
        for what, marker in MARKERS.items():
            if marker.casefold() in text.casefold():
                found.append(f"{what} in {where}")
        for what, forms in NUMBERS.items():
            if any(form in text for form in forms):
                found.append(f"{what} in {where}")
    return found


def _emails_to(user: Any) -> dict[str, str]:
    return {
        f"email {i}: {m.subject}": m.subject
        + "\n"
        + m.body
        + "".join(str(content) for content, _ in getattr(m, "alternatives", []))
        for i, m in enumerate(mail.outbox)
        if user.email in m.to + m.cc + m.bcc
    }


def _run_reminders() -> None:
    today = timezone.localdate()
    for offset in (0, 1, 7, 30, 60, 150, 180):
        send_due_reminders(today=today + dt.timedelta(days=offset))


def test_no_company_user_finds_an_nhs_only_record_and_the_nhs_lead_finds_them_all(
    world: tuple[Any, dict[str, int]], roles: dict[str, Any]
) -> None:
    # One test for every crawl, so the partnership is built once.
    project, ids = world
    nhs_found = _leaks(_crawl(roles["nhs_lead"], project, ids).texts)
    # Without this, a crawl that reached nothing would pass the checks below.
    for what in [*MARKERS, *NUMBERS]:
        assert any(line.startswith(f"{what} in ") for line in nhs_found), f"{what} never shown"
    _run_reminders()
    # The company's lead owns an overdue action, so the run writes to them at least.
    assert _emails_to(roles["industry_lead"]), "the reminders sent the company nothing to read"
    # Both company roles hold NHS roles elsewhere (conftest.py), which must not widen this.
    for role in ("industry_lead", "governance_member"):
        user = roles[role]
        crawl = _crawl(user, project, ids)
        assert any(url.endswith("/history/") for url in crawl.texts)
        assert any("/versions/" in url and url.endswith("/pdf/") for url in crawl.texts)
        assert any(url.endswith("/pack/") for url in crawl.texts)
        assert _leaks(crawl.texts | _emails_to(user)) == [], role


# Tokens that differ on every response, whatever the records hold.
NOISE = re.compile(
    r'(csrfmiddlewaretoken" value="|name="submission_token" value="|nonce="|"generated_at": ")'
    r'[^"]*'
)


def _read(crawl: Crawl) -> dict[str, str]:
    return {url: NOISE.sub(r"\1", text) for url, text in crawl.texts.items()}


def test_nothing_a_company_reads_changes_when_nhs_only_records_are_added(
    delivering: Any, nhs_lead: Any, industry_lead: Any
) -> None:
    """Counts, ratings and statuses carry no marker, so the check is that a company's view
    is the same whether or not NHS-only records exist: "2 of 5 KPIs are off track" when it
    sees 4, or a RAG turned red by a hidden KPI, changes a page here."""
    # A first crawl records what opening pages records (document versions, certified
    # copies), so the two compared differ only by what was planted between them.
    _crawl(industry_lead, delivering, {})
    before = _read(_crawl(industry_lead, delivering, {}))
    _plant(delivering, nhs_lead)
    after = _read(_crawl(industry_lead, delivering, {}))
    assert any("/delivery/" in url for url in before)
    assert set(after) == set(before)
    assert [url for url in before if after[url] != before[url]] == []
