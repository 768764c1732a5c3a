"""A lead types an NHS number into the concept: refused next to the field, nothing saved."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in
from triplewin.concept.models import ConceptFramework

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_the_rest(page):
    page.fill("#id_objectives", "Review 500 people at risk within a year.")
    page.fill("#id_benefit_patients", "Earlier treatment in line with national guidance.")
    page.fill("#id_benefit_nhs", "Fewer emergency admissions.")
    page.fill("#id_benefit_industry", "Insight into the pathway, with no link to any product.")
    page.fill("#id_key_stakeholders", "Practice teams and the patient participation group.")
    page.fill("#id_start_year", "2027")
    page.check("#id_start_quarter-2")
    page.fill("#id_duration_months", "12")


def test_identifiers_are_refused_and_warnings_confirmed(page, nhs_lead, project, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    sign_in(page, nhs_lead.username)
    page.goto(reverse("concept:edit", args=[project.pk]))
    page.fill("#id_purpose_background", "Mr Jones, NHS number 943 476 5919, waited two years.")
    _fill_the_rest(page)
    page.click("button:has-text('Save the concept')")

    message = "This looks like an NHS number: 943 *** **19."
    expect(page.locator(".nhsuk-error-summary")).to_contain_text(message)
    expect(page.locator("#id_purpose_background-error")).to_contain_text(message)
    expect(page.locator("#id_purpose_background-error")).to_contain_text("a patient in their 70s")
    # The page never repeats the number, not even in the box it was typed into.
    assert "943 476 5919" not in page.content()
    assert not ConceptFramework.objects.exists()
    assert_accessible(page)

    page.fill("#id_purpose_background", "The clinic lead (date of birth 3 March 1950) started it.")
    page.click("button:has-text('Save the concept')")
    expect(page.locator("#id_purpose_background-error")).to_contain_text(
        "This looks like a date of birth: ** ** 1950."
    )
    confirm = page.locator("#id_purpose_background__not_a_patient")
    expect(confirm).to_be_visible()
    assert not ConceptFramework.objects.exists()
    assert_accessible(page)

    confirm.check()
    page.click("button:has-text('Save the concept')")
    expect(page.locator("main")).not_to_contain_text("This looks like")
    assert ConceptFramework.objects.get().purpose_background.startswith("The clinic lead")
