"""Documents in the browser: generate the agreement's heads of terms, read it, change a clause
and compare versions, be refused certification while clauses are open, certify the complete
version, download its PDF and confirm it on the public verification page."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import assert_accessible, sign_in, sign_out
from triplewin.agreement.services import agreement_save, party_add
from triplewin.pid.tests import builders

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADS = "Collaborative/Joint Working Agreement: Heads of Terms"
CLAUSES: dict[str, Any] = {
    "term_months": 18,
    "benefits": "Earlier diagnosis for patients; fewer admissions; better pathway insight.",
    "financial_arrangements": "The company funds the search tool; the trust gives nurse time.",
    "roles_responsibilities": "As in the PID's RACI chart.",
    "success_measures": "Reviews completed, measured monthly by the project analyst.",
    "publication_plans": "Executive summary before start; outcomes within six months.",
    "formulary_position": "The medicines involved are already on the local formulary.",
    "contingency": "The project team re-plans if a partner cannot deliver.",
    "dispute_resolution": "Escalation to the directors, then mediation.",
    "exit_criteria": "Either party may leave on three months' notice.",
    "confidentiality": "No identifiable patient data leaves the NHS.",
    "anti_bribery": "Each party complies with the Bribery Act 2010; nothing is an inducement.",
    "clinical_independence": "Clinicians alone decide each patient's treatment.",
    "non_promotional": "No promotion or sales staff; the project is kept apart from marketing.",
    "competition_confidentiality": "Competition law is followed; commercial data stays private.",
    "code_breach_acknowledged": True,
}


def generate(page: Any) -> None:
    page.click("button:has-text('Generate a new version')")
    expect(page.locator("main")).to_contain_text("generated.")
    assert_accessible(page)


def test_documents_from_generation_to_verification(
    page: Any,
    tmp_path: Any,
    project: Any,
    nhs_lead: Any,
    industry_lead: Any,
    pharma_org: Any,
    settings: Any,
) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    builders.to_setup(project, nhs_lead, industry_lead)
    signatory = factories.member(
        "signatory@example.test", pharma_org, "certification_signatory", function="medical"
    )
    documents = f"/projects/{project.pk}/documents/"

    # The partnership lead generates the heads of terms; every clause is still to be agreed.
    sign_in(page, nhs_lead.username)
    page.goto(documents)
    assert_accessible(page)
    page.click(f"a:has-text('{HEADS}')")
    expect(page.locator(".nhsuk-warning-callout")).to_contain_text("Not ready to certify")
    generate(page)
    expect(page.locator("main")).to_contain_text(
        "[To be agreed: How disagreements between the parties"
    )

    # The signatory may not certify while clauses are open, and is told which.
    sign_out(page)
    sign_in(page, signatory.username)
    page.goto(f"{documents}agreement/certify/")
    assert_accessible(page)
    page.click("button:has-text('Certify version 1')")
    expect(page.locator(".nhsuk-error-summary")).to_contain_text(
        "cannot be certified while required sections are empty"
    )
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Dispute resolution")

    # The clauses are agreed; a second version is generated and compared with the first.
    agreement_save(
        actor=nhs_lead,
        project=project,
        fields={**CLAUSES, "agreement_date": timezone.localdate()},
        expected_version=None,
    )
    for partner in project.partners.select_related("organisation"):
        party_add(
            actor=nhs_lead,
            project=project,
            organisation=partner.organisation,
            signatory_name=f"Signer for {partner.organisation.name}",
            signatory_job_title="Director",
        )
    sign_out(page)
    sign_in(page, nhs_lead.username)
    page.goto(f"{documents}agreement/")
    generate(page)
    page.goto(f"{documents}agreement/")
    page.click("a:has-text('Compare versions')")
    expect(page.locator("main")).to_contain_text("Changes from version 1 to version 2")
    expect(page.locator("main ins").first).to_be_visible()
    expect(page.locator("main")).to_contain_text(CLAUSES["dispute_resolution"])
    assert_accessible(page)

    # The signatory certifies version 2 and downloads the certified PDF.
    sign_out(page)
    sign_in(page, signatory.username)
    page.goto(f"{documents}agreement/certify/")
    page.click("button:has-text('Certify version 2')")
    expect(page.locator("main")).to_contain_text("Version 2 is certified.")
    expect(page.locator("main")).to_contain_text("Certified on")
    with page.expect_download() as download_info:
        page.click("a:has-text('Download as PDF')")
    saved = tmp_path / "certified.pdf"
    download_info.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF-")

    # Anyone can confirm the file on the public verification page, signed in or not.
    sign_out(page)
    page.goto("/documents/verify/")
    assert_accessible(page)
    # NHS.UK's file upload gives the field's id to its drop-zone button; the input keeps its name.
    page.set_input_files("input[name=file]", str(saved))
    page.click("button:has-text('Check')")
    expect(page.locator("#verify-result")).to_contain_text("This matches a certified document")
    expect(page.locator("#verify-result")).to_contain_text(project.title)
    assert_accessible(page)
