"""The "Next steps" box in the browser: a blocked step offers no button, only the actions that
unblock it, each linking to the page where it is done; the blocked step's own page has no
submit button either."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import assert_accessible, sign_in
from triplewin.concept import services as concept_services
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


def test_start_set_up_is_one_post_from_the_box(
    page, project, nhs_lead, industry_lead, nhs_org, pharma_org
):
    """Before: the project page, the step's page, then its form (two loads and a post).
    Now: one post from the project page's box."""
    factories.ready_for_approval(project, nhs_lead)
    for user, org in ((nhs_lead, nhs_org), (industry_lead, pharma_org)):
        concept_services.concept_decide(
            actor=user, project=project, organisation=org, decision="approve"
        )
    sign_in(page, nhs_lead.username)
    page.goto(reverse("partnerships:detail", args=[project.pk]))
    assert_accessible(page)

    navigations: list[str] = []
    page.on(
        "request",
        lambda r: navigations.append(f"{r.method} {r.url}") if r.is_navigation_request() else None,
    )
    box = page.locator("section.tw-next-steps")
    box.get_by_role("button", name="Start set-up").click()
    page.wait_for_url(f"**{reverse('partnerships:detail', args=[project.pk])}")
    expect(page.locator(".nhsuk-tag").first).to_contain_text("Set-up")

    step = reverse("partnerships:transition", args=[project.pk, "start_setup"])
    assert [n.split(" ", 1)[0] for n in navigations] == ["POST", "GET"], navigations
    assert navigations[0].endswith(step)  # one post, straight from the box ...
    assert not any(n.startswith("GET") and n.endswith(step) for n in navigations)  # ... no page
    project.refresh_from_db()
    assert project.state == "setup"
