"""Double-clicking a create button saves one record, and says so calmly (ADR 0017)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in
from triplewin.contributions.models import Contribution
from triplewin.partnerships.models import Project
from triplewin.submissions.models import SpentToken

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_double_clicking_add_contribution_adds_one(page, project, nhs_lead, nhs_org, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    Project.objects.filter(pk=project.pk).update(state="concept_approved")
    sign_in(page, nhs_lead.username)

    page.goto(f"/projects/{project.pk}/contributions/add/")
    page.select_option("#id_organisation", str(nhs_org.pk))
    page.check("input[name=kind][value=staff_time]")
    page.fill("#id_description", "Specialist nurse clinics")
    page.fill("#id_hours", "120")
    with page.expect_navigation(url=f"**/projects/{project.pk}/contributions/"):
        page.dblclick("button:has-text('Add contribution')")

    expect(page.locator("main")).to_contain_text("Specialist nurse clinics")
    assert Contribution.objects.filter(project=project).count() == 1
    assert SpentToken.objects.count() == 1
    assert_accessible(page)
