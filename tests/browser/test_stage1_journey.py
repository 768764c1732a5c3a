"""A new NHS lead takes an idea all the way to an approved concept, with the company's lead."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in, sign_out
from triplewin.core import checklist, scoping_guide

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_idea_to_approved_concept(page, nhs_lead, industry_lead, pharma_org, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    sign_in(page, nhs_lead.username)
    header_colour = page.eval_on_selector(
        ".nhsuk-header", "el => getComputedStyle(el).backgroundColor"
    )
    assert header_colour == "rgb(0, 94, 184)", "NHS.UK frontend CSS did not load"

    page.click("text=Record a new idea")
    page.click("button:has-text('Record the idea')")  # empty form: errors are shown accessibly
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Enter a title for the project.")
    assert_accessible(page)
    page.fill("#id_title", "Earlier diagnosis of heart failure")
    page.fill("#id_summary", "Find people at risk in GP records and offer a specialist review.")
    page.check("#id_origin_setting")  # primary care
    page.fill("#id_therapy_area", "Cardiology")
    page.check("#id_intended_type-2")  # collaborative working
    page.check("#id_involves_medicines")
    page.fill("#id_proposed_by", "Lead pharmacist")
    page.check(f"text={pharma_org.name}")
    page.click("button:has-text('Record the idea')")
    expect(page.locator("h1")).to_have_text("Earlier diagnosis of heart failure")
    project_url = page.url
    assert_accessible(page)

    # One post from the Next steps box (issue 15): no page in between.
    page.get_by_role("button", name="Start scoping").click()
    expect(page.locator(".nhsuk-tag").first).to_have_text("Scoping")

    page.click("text=Scoping decision guide")
    for section in scoping_guide.SECTIONS:
        page.click(f"a:has-text('{section.title}')")
        if section.slug == "need":
            assert_accessible(page)
        for question in section.questions:
            page.fill(f"#id_{question.id}", f"Our answer about {question.id.replace('_', ' ')}.")
        page.click("button:has-text('Save and return')")
        expect(page.locator(".nhsuk-task-list")).to_contain_text(section.title)
    expect(page.locator("main")).to_contain_text("(100%)")

    page.goto(project_url)
    page.click("text=Classification checklist")
    page.click("text=Change answers")
    for red_or_amber in checklist.QUESTIONS:
        if red_or_amber.id == "benefit_patients_or_nhs":
            continue
        page.check(f"#id_{red_or_amber.id}")  # the first option is "Yes"
    assert_accessible(page)
    page.click("button:has-text('Save and see the verdict')")
    expect(page.locator("#verdict")).to_have_text("Joint working")
    assert_accessible(page)

    page.goto(project_url)
    page.click("text=Project concept framework")
    page.click("text=Write the concept")
    page.fill(
        "#id_purpose_background", "Heart failure is often found only after an emergency admission."
    )
    page.fill("#id_objectives", "Review 500 people at risk within a year.")
    page.fill("#id_benefit_patients", "Earlier treatment in line with national guidance.")
    page.fill("#id_benefit_nhs", "Fewer emergency admissions.")
    page.fill("#id_benefit_industry", "Insight into the pathway, with no link to any product.")
    page.fill(
        "#id_expected_prescribing_effect",
        "More people found and treated in line with national guidelines; no product is named.",
    )
    page.fill("#id_key_stakeholders", "Practice teams and the patient participation group.")
    for textarea in page.locator("textarea[id^='id_contribution_']").all():
        textarea.fill("Clinical staff time and data analysis.")
    page.fill("#id_start_year", "2027")
    page.check("#id_start_quarter-2")
    page.fill("#id_duration_months", "12")
    assert_accessible(page)
    page.click("button:has-text('Save the concept')")
    expect(page.locator("main")).not_to_contain_text("Still to complete")

    page.click("text=Approve or reject the concept")
    assert_accessible(page)
    page.check("#id_decision")  # approve
    page.click("button:has-text('Record my decision')")
    # The page shows the checklist as approved content too (ADR 0018): read the decisions table.
    expect(page.locator("main table").last).to_contain_text("Approved")
    sign_out(page)

    sign_in(page, industry_lead.username)
    page.goto(project_url)
    page.click("a:has-text('Approve or reject the concept')")
    expect(page.locator("main")).to_contain_text("version")
    page.check("#id_decision")
    page.click("button:has-text('Record my decision')")
    page.goto(project_url)
    expect(page.locator(".nhsuk-tag").first).to_have_text("Concept approved")
    page.click("text=Project history")
    expect(page.locator("main")).to_contain_text(re.compile("scoping → concept approved"))
    expect(page.locator("#chain-summary")).to_contain_text("verify against the audit chain")
    assert_accessible(page)
    page.goto("/")
    assert_accessible(page)
