"""A team member in the browser: finds the work given to them on the Deadlines page, records
the KPI they own, and marks their action done; another KPI offers them no form."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, fill_date, sign_in
from triplewin.kpis.models import Measurement
from triplewin.kpis.tests import builders as kpi_builders
from triplewin.meetings.models import Action
from triplewin.meetings.services import actions
from triplewin.team.tests import builders

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_team_member_does_the_work_given_to_them(
    page, project, nhs_lead, nhs_org, team_member, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    builders.advance(project, nhs_lead, to="in_delivery")
    builders.add_member(project, nhs_lead, nhs_lead, nhs_org, "chair")
    builders.add_member(project, nhs_lead, team_member, nhs_org, "analyst")
    kept = kpi_builders.kpi(project, nhs_lead, name="Reviews done", owner=team_member)
    other = kpi_builders.kpi(project, nhs_lead, name="Referrals made", owner=nhs_lead)
    action = actions.action_add(
        actor=nhs_lead,
        project=project,
        description="Run the monthly search",
        owner=team_member,
        due_on=timezone.localdate() + dt.timedelta(days=7),
    )
    sign_in(page, team_member.username)

    page.goto(reverse("obligations:index"))
    given = page.locator("table", has=page.locator("caption", has_text="KPIs whose values"))
    expect(given).to_contain_text("Reviews done")
    expect(given).to_contain_text("No values yet")
    expect(given).not_to_contain_text("Referrals made")
    expect(page.locator("main")).to_contain_text("Run the monthly search")
    expect(page.locator("main")).to_contain_text("in 7 days")
    assert_accessible(page)

    given.get_by_role("link", name="Reviews done").click()
    fill_date(page, "#id_period", "2024-03-01")
    page.fill("#id_value", "52")
    page.click("button:has-text('Record the value')")
    expect(page.locator("main")).to_contain_text("Value recorded.")
    assert Measurement.objects.get(kpi=kept).value == 52

    page.goto(reverse("kpis:detail", args=[project.pk, other.pk]))
    expect(page.locator("h1")).to_have_text("Referrals made")
    expect(page.locator("#record")).to_have_count(0)

    page.goto(reverse("obligations:index"))
    expect(page.locator("main")).to_contain_text("March 2024")
    mine = page.locator("table", has=page.locator("caption", has_text="Your open actions"))
    mine.get_by_role("link", name=project.title).click()
    page.locator("button", has_text="Run the monthly search").click()
    expect(page.locator("main")).to_contain_text("Action marked as done.")
    assert_accessible(page)
    assert Action.objects.get(pk=action.pk).status == "done"
