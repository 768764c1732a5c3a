"""Someone searches the library and reads a case study; a lead publishes one from a finished
project, and the public can then find it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in, sign_out
from triplewin.library import seeding
from triplewin.library.tests.builders import finish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_facet_read_and_publish(page, nhs_lead, industry_lead, project, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    seeding.load()
    finish(project, nhs_lead)

    # Anyone can search, without signing in.
    page.goto("/library/")
    expect(page.locator("h1")).to_have_text("Case study library")
    assert_accessible(page)
    page.fill("#q", "COPD in primary care")
    page.click("button:has-text('Search')")
    cards = page.locator(".nhsuk-card__heading")
    expect(cards.first).to_have_text("LOGIC: proactive COPD care in Hartlepool primary care")
    expect(page.locator("#results-heading")).to_contain_text("for “COPD in primary care”")
    assert_accessible(page)

    # Facets narrow the results and show counts that follow the other filters.
    before = page.locator("#results-heading").inner_text()
    # The results come first; sorting and filters wait behind a reveal.
    results_top = page.locator("#results-heading").bounding_box()
    assert results_top is not None
    assert results_top["y"] < 900, results_top
    page.click("summary:has-text('Sort and filter the case studies')")
    page.get_by_label(re.compile(r"Primary care \(\d+\)")).check()
    page.click("button:has-text('Apply filters')")
    expect(page.get_by_label(re.compile(r"Primary care \(\d+\)"))).to_be_checked()
    assert page.locator("#results-heading").inner_text() != before
    expect(cards.first).to_have_text("LOGIC: proactive COPD care in Hartlepool primary care")
    expect(page.locator("main")).not_to_contain_text("Hep C U Later")

    # Open a case study and read it.
    cards.first.locator("a").click()
    expect(page.locator("h1")).to_have_text("LOGIC: proactive COPD care in Hartlepool primary care")
    expect(page.locator("main")).to_contain_text("Hartlepool Health Primary Care Network")
    expect(page.locator("main")).to_contain_text("Lessons and barriers overcome")
    assert_accessible(page)

    # The lesson finder filters by barrier.
    page.goto("/library/lessons/")
    page.check("label:has-text('Data sharing (')")
    page.click("button:has-text('Show lessons')")
    expect(page.locator("main")).to_contain_text("Keep the data with the NHS")
    assert_accessible(page)
    page.goto("/library/learning/")
    expect(page.locator("svg.tw-chart")).to_be_visible()
    assert_accessible(page)

    # A lead drafts a case study from the finished project, completes it and publishes it.
    sign_in(page, nhs_lead.username)
    page.goto("/library/")
    assert_accessible(page)
    # One button, no confirmation page (before: a link, then a page with the button).
    page.click(f"button:has-text('Draft a case study from {project.title}')")
    expect(page.locator("h1")).to_have_text(project.title)
    expect(page.locator("main")).to_contain_text("This case study is a draft")
    expect(page.locator("main")).to_contain_text("Before publishing, add at least one outcome.")
    assert_accessible(page)

    page.click("text=Change outcomes")
    page.click("button:has-text('Save outcomes')")  # blank entries are ignored, not errors
    expect(page.locator("main")).to_contain_text("Before publishing, add at least one outcome.")
    page.click("text=Change outcomes")
    page.fill("#id_outcomes-0-measure", "People diagnosed with heart failure")
    page.fill("#id_outcomes-0-unit", "people")
    page.fill("#id_outcomes-0-after", "40")
    assert_accessible(page)
    page.click("button:has-text('Save outcomes')")
    outcomes = page.get_by_role("table", name="Headline outcomes, before and after")
    expect(outcomes).to_contain_text("People diagnosed with heart failure")
    page.click("button:has-text('Publish to the library')")
    expect(page.locator("main")).to_contain_text("The case study is now public in the library.")
    expect(page.locator("main")).not_to_contain_text("This case study is a draft")
    sign_out(page)

    # The public can now find it.
    page.goto("/library/?q=heart+failure")
    expect(page.locator(".nhsuk-card__heading").first).to_have_text(project.title)
