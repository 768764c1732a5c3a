"""The "Next steps" box in the browser: a blocked step offers no button, only the actions that
unblock it, each linking to the page where it is done; the blocked step's own page has no
submit button either."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in
from triplewin.partnerships.models import Project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_blocked_step_leads_to_the_pages_that_fix_it(page, project, nhs_lead, industry_lead):
    Project.objects.filter(pk=project.pk).update(state="setup")
    sign_in(page, nhs_lead.username)
    page.goto(reverse("partnerships:detail", args=[project.pk]))

    box = page.locator("section.tw-next-steps")
    expect(box).to_contain_text("Before you can take the step \u2018Mark PID approved\u2019")
    expect(box.locator(".nhsuk-button")).to_have_count(0)
    assert_accessible(page)

    # The team's blocker links to the team page, where it is fixed.
    box.locator("#next-TEAM-EVERY-PARTNER a").click()
    page.wait_for_url(f"**{reverse('team:detail', args=[project.pk])}")

    # The step's own page says it is blocked, links each fix, and has nothing to submit.
    page.goto(reverse("partnerships:transition", args=[project.pk, "approve_pid"]))
    expect(page.locator("main")).to_contain_text("This step is blocked")
    expect(page.locator("main form")).to_have_count(0)
    expect(page.locator("main button")).to_have_count(0)
    page.locator("#rule-PID-COMPLETE a").click()
    page.wait_for_url(f"**{reverse('pid:overview', args=[project.pk])}")
    page.goto(reverse("partnerships:transition", args=[project.pk, "approve_pid"]))
    assert_accessible(page)
