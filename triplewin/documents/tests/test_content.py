"""What a signatory looks for in each document, read back from the Word file and the PDF."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from triplewin.amendments import services as amendment_services
from triplewin.amendments.tests.fixtures import DETAILS, NEW_EXIT
from triplewin.delivery.tests.fixtures import pid_in_delivery  # noqa: F401
from triplewin.documents import services
from triplewin.documents.render.docx import render_docx
from triplewin.documents.render.pdf import render_pdf
from triplewin.documents.services.copies import view_of
from triplewin.documents.tests.conftest import docx_paragraphs, pdf_text
from triplewin.kpis.tests.builders import kpi, record_series
from triplewin.organisations.models import Membership
from triplewin.partnerships.models import Project
from triplewin.transfers.models import TransferOfValue

pytestmark = pytest.mark.django_db

NHS_ONLY = "Zanzibar admissions per ward"  # a marker that must never reach a document


def outputs(project: Any, document: str, actor: Any) -> tuple[set[str], str]:
    version, _ = services.document_generate(actor=actor, project=project, document=document)
    view = view_of(project, version)
    words = {t for _, t in docx_paragraphs(render_docx(view))}
    return words, " ".join(pdf_text(render_pdf(view)).split())


def shared_and_hidden_kpis(project: Any, actor: Any, *, measured: bool = False) -> None:
    shared = kpi(project, actor, name="Patients reviewed", unit="patients")
    hidden = kpi(project, actor, name=NHS_ONLY, company_may_see=False, aggregated_anonymised=False)
    if measured:
        record_series(shared, actor, [120.0, 130.0])
        record_series(hidden, actor, [7.0])


def test_the_pid_gives_addresses_leads_job_titles_contacts_and_shared_kpis(
    complete_pid: Any, nhs_lead: Any, nhs_org: Any, pharma_org: Any
) -> None:
    project = complete_pid
    nhs_org.address, nhs_org.postcode = "1 Hospital Road, Testtown", "TT1 1AA"
    nhs_org.save()
    Membership.objects.filter(user=nhs_lead, organisation=nhs_org).update(
        job_title="Head of partnerships"
    )
    shared_and_hidden_kpis(project, nhs_lead)
    words, text = outputs(project, "pid", nhs_lead)
    contact = (
        "Address: 1 Hospital Road, Testtown, TT1 1AA\n"
        f"Named lead: {nhs_lead.get_full_name()}, Head of partnerships\n"
        f"Email: {nhs_lead.email}"
    )
    assert contact in words
    assert "Partners' addresses and leads' contact details" in words
    assert "Address: 1 Hospital Road, Testtown, TT1 1AA" in text
    assert "Head of partnerships" in text
    # A partner whose address was never recorded says so rather than leaving a gap.
    pharma_lines = [w for w in words if w.startswith("Address: not recorded")]
    assert pharma_lines, words
    # The KPIs every partner may see, with baseline and target; never the NHS-only one.
    assert "Key performance indicators" in words
    assert "Patients reviewed" in words
    assert any(w.startswith("Category: ") and "Target: " in w for w in words)
    assert "Patients reviewed" in text
    assert NHS_ONLY not in text
    assert not any(NHS_ONLY in w for w in words)
    # The plan's milestones and risk log are part of it too.
    assert {"Milestones", "Risks and issues"} <= words


def test_the_outcomes_summary_gives_kpi_results_and_transfers_of_value(
    project: Any, nhs_lead: Any, nhs_org: Any, pharma_org: Any
) -> None:
    Project.objects.filter(pk=project.pk).update(state="in_delivery")
    shared_and_hidden_kpis(project, nhs_lead, measured=True)
    for year, money, kind in ((2025, "18500", "9000"), (2026, "24000", "0")):
        TransferOfValue.objects.create(
            project=project,
            company=pharma_org,
            recipient=nhs_org,
            year=year,
            category="joint_collaborative",
            amount_money=Decimal(money),
            amount_benefits_in_kind=Decimal(kind),
        )
    words, text = outputs(project, "outcomes", nhs_lead)
    assert {"KPI results", "Transfers of value", "Patients reviewed"} <= words
    result = next(w for w in words if w.startswith("Category: ") and "Latest result" in w)
    assert "Baseline:" in result
    assert "Target met:" in result
    assert "Patients reviewed" in text
    assert "Target met" in text
    assert NHS_ONLY not in text
    assert not any(NHS_ONLY in w for w in words)
    label = f"2025: {pharma_org.name} to {nhs_org.name}"
    assert label in words
    assert (
        "Joint or collaborative working\nMoney: £18,500.00\nBenefits in kind: £9,000.00\n"
        "Total: £27,500.00"
    ) in words
    assert "Total: £24,000.00" in text
    assert f"2026: {pharma_org.name} to {nhs_org.name}" in text


def test_an_amendment_without_stated_impacts_is_not_marked_unfinished(
    pid_in_delivery: Any,  # noqa: F811
    nhs_lead: Any,
) -> None:
    project = pid_in_delivery
    fields = {**DETAILS, "impact_timeline": "", "impact_money": ""}
    amendment = amendment_services.amendment_create(actor=nhs_lead, project=project, fields=fields)
    amendment_services.amendment_change_set(
        actor=nhs_lead, amendment=amendment, field_key="exit_strategy", after=NEW_EXIT
    )
    amendment_services.amendment_submit(actor=nhs_lead, amendment=amendment)
    words, text = outputs(project, f"amendment-{amendment.number}", nhs_lead)
    assert "Not yet completed" not in words
    assert "Not yet completed" not in text
    assert "None recorded" in words
    assert DETAILS["impact_logistics"] in words


def test_the_concept_timeline_gives_dates(project: Any, nhs_lead: Any) -> None:
    from tests import factories

    factories.ready_for_approval(project, nhs_lead)  # Quarter 2 2027, for 12 months
    words, text = outputs(project, "concept", nhs_lead)
    assert {"Quarter 2 2027", "12 months", "1 April 2027", "31 March 2028"} <= words
    assert "Expected to start on 1 April 2027" in text
    assert "Expected to end by 31 March 2028" in text
