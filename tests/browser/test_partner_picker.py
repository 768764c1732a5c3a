"""Choosing partners: a type-ahead over checkboxes grouped by kind of organisation."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, fill_date, sign_in
from triplewin.organisations.models import COMPANY_GROUP, NHS_GROUP
from triplewin.partnerships.models import Project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEARCH = "#id_partner_organisations-picker-search"


def test_type_ahead_ticks_the_partner_and_the_idea_is_recorded(
    page, nhs_lead, nhs_org, pharma_org, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    sign_in(page, nhs_lead.username)
    page.goto("/projects/new/")
    picker = page.locator("[data-tw-picker]")
    expect(picker.locator("legend", has_text=NHS_GROUP)).to_be_visible()
    expect(picker.locator("legend", has_text=COMPANY_GROUP)).to_be_visible()
    company_box = picker.get_by_role("group", name=COMPANY_GROUP).get_by_label(pharma_org.name)
    expect(company_box).not_to_be_checked()
    assert_accessible(page)

    page.fill(SEARCH, pharma_org.name[:4])
    option = page.locator(".autocomplete__option", has_text=pharma_org.name)
    expect(option).to_be_visible()
    assert_accessible(page)
    option.click()
    expect(company_box).to_be_checked()
    expect(picker.locator(".tw-picker__status")).to_contain_text(f"{pharma_org.name} added")

    page.fill("#id_title", "Earlier diagnosis of heart failure")
    page.fill("#id_summary", "Find people at risk in GP records and offer a specialist review.")
    page.check("#id_origin_setting")
    page.fill("#id_therapy_area", "Cardiology")
    page.fill("#id_proposed_by", "Lead pharmacist")
    fill_date(page, "#id_planned_start", "2027-04-01")
    page.click("button:has-text('Record the idea')")
    expect(page.locator("h1")).to_have_text("Earlier diagnosis of heart failure")
    project = Project.objects.get(title="Earlier diagnosis of heart failure")
    assert pharma_org in project.organisations.all()
    assert str(project.planned_start) == "2027-04-01"
