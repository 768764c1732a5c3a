"""A completed partnership's summary of outcomes, from draft to publication, in the browser:
drafted from the records, written by the NHS lead, certified by the company's signatory,
approved by the team and both governance committees, then published. A second project that
ended seven months ago without outcomes shows the overdue flag."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import assert_accessible, sign_in, sign_out
from triplewin.documents.tests.conftest import pdf_text
from triplewin.outcomes.selectors import published_outcomes
from triplewin.outcomes.tests import builders

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def switch_user(page: Any, user: Any) -> None:
    sign_out(page)
    sign_in(page, user.username)


def approve(page: Any, outcomes_url: str, user: Any) -> None:
    switch_user(page, user)
    page.goto(outcomes_url)
    page.click("text=Approve or reject the summary")
    assert_accessible(page)
    page.get_by_role("radio", name="Approve", exact=True).check()
    page.click("button:has-text('Record the decision')")
    expect(page.locator("main")).to_contain_text("decision of the")


def test_outcomes_from_draft_to_publication(
    page, nhs_lead, industry_lead, governance_member, nhs_org, pharma_org, settings, monkeypatch
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    builders.wire_facts(monkeypatch)
    people = {
        "nhs_lead": nhs_lead,
        "industry_lead": industry_lead,
        "nhs_org": nhs_org,
        "pharma_org": pharma_org,
    }
    # Arranged through the services: one project ended a month ago, one seven months ago.
    project = builders.completed_project(**people)
    old = builders.completed_project(
        ended_on=timezone.localdate() - dt.timedelta(days=215),
        title="Atrial fibrillation checks",
        **people,
    )
    signatory = factories.member(
        "signatory@example.test", pharma_org, "certification_signatory", function="medical"
    )
    nhs_governance = factories.member("nhs.governance@example.test", nhs_org, "governance_member")
    outcomes_url = f"/projects/{project.pk}/outcomes/"

    sign_in(page, nhs_lead.username)
    page.goto(outcomes_url)
    expect(page.locator("#outcomes-deadline")).to_contain_text("days left")
    expect(page.locator("main")).to_contain_text("No KPI results recorded")
    assert_accessible(page)
    # One press, no confirmation page (before: a link, then a page with the button).
    page.click("button:has-text('Draft from the records')")
    expect(page.locator("main")).to_contain_text("drafted from the records")
    expect(page.locator("main")).to_contain_text(nhs_org.name)

    page.click("text=Edit the summary")
    expect(page.locator("main")).to_contain_text("Intended at the start: Earlier diagnosis")
    for name, text in (builders.JUDGEMENTS | builders.GAPS).items():
        page.fill(f"#id_{name}", text)
    page.fill("#id_duration", "x" * 250)
    page.click("button:has-text('Save the summary')")
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Keep this under 200 characters.")
    assert_accessible(page)
    page.fill("#id_duration", "Twelve months")
    page.click("button:has-text('Save the summary')")
    expect(page.locator("main")).to_contain_text("Outcomes summary saved.")
    expect(page.locator("main")).not_to_contain_text("Still to write")

    switch_user(page, signatory)
    page.goto(outcomes_url)
    page.click("text=Certify the summary")
    assert_accessible(page)
    page.click("button:has-text('Certify the summary')")
    expect(page.locator("main")).to_contain_text("The outcomes summary is certified.")
    expect(page.locator("#outcomes-approvals")).to_contain_text("Awaiting decision")
    assert_accessible(page)

    approve(page, outcomes_url, nhs_lead)
    approve(page, outcomes_url, governance_member)
    approve(page, outcomes_url, nhs_governance)
    expect(page.locator("#outcomes-approvals")).not_to_contain_text("Awaiting decision")

    switch_user(page, nhs_lead)
    page.goto(outcomes_url)
    page.click("text=Publish the summary")
    expect(page.locator("main")).to_contain_text("Outcomes published")
    assert_accessible(page)
    page.click("button:has-text('Publish the summary')")
    expect(page.locator("main")).to_contain_text("now appears on the public register")
    expect(page.locator("#outcomes-deadline")).to_contain_text("Published on")
    expect(page.locator("main")).to_contain_text("This summary is public")
    assert_accessible(page)
    project.refresh_from_db()
    assert project.state == "outcomes_published"
    summary = published_outcomes(project)
    assert summary is not None
    assert summary.scaling == builders.JUDGEMENTS["scaling"]

    # Anyone reads what was certified and published on the register entry, and its certified
    # PDF carries the sign-off record: the signatory's certification and every approval.
    sign_out(page)
    page.goto(f"/register/{project.pk}/")
    section = page.locator("section[aria-labelledby=outcomes-heading]")
    expect(section).to_contain_text("As certified and published on")
    expect(section).to_contain_text(builders.JUDGEMENTS["scaling"])
    assert_accessible(page)
    with page.expect_download() as download:
        page.click("text=Download the certified summary of outcomes (PDF)")
    pdf = " ".join(pdf_text(download.value.path().read_bytes()).split())
    record = pdf.split("Sign-off record", 1)[1]
    assert f"Certified by {signatory.get_full_name()}" in record
    for approver in (nhs_lead, governance_member, nhs_governance):
        assert f"Approved by {approver.get_full_name()}" in record
    assert "published on" in pdf
    assert "@" not in record
    sign_in(page, nhs_lead.username)

    # The other project ended more than six months ago and has published nothing.
    page.goto(f"/projects/{old.pk}/outcomes/")
    expect(page.locator("#outcomes-deadline")).to_contain_text("Outcomes overdue")
    expect(page.locator("#outcomes-deadline")).to_contain_text("Overdue by")
    assert_accessible(page)
