"""Stage 3 delivery in the browser: from a project in delivery with an approved PID, the lead
tracks a milestone, raises an amendment that the company certifies and the team and both
committees approve, sees the new PID version in the history, and records completion."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import assert_accessible, fill_date, sign_in, sign_out
from triplewin.delivery.tests.fixtures import SUSTAINABILITY
from triplewin.partnerships.models import Project
from triplewin.pid import services as pid_services
from triplewin.pid.tests import builders as pid_builders
from triplewin.plans import services as plan_services
from triplewin.team.tests.builders import advance

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_EXIT = "The ICB commissions the reviews and takes over the search tool licence."


def switch_user(page: Any, user: Any) -> None:
    sign_out(page)
    sign_in(page, user.username)


def decide(page: Any, amendment_url: str) -> None:
    page.goto(amendment_url)
    page.click("a:has-text('Approve or reject the amendment')")
    page.check("input[name=decision][value=approve]")
    page.click("button:has-text('Record the decision')")


def test_delivery_amendment_and_completion(
    page,
    monkeypatch,
    project,
    nhs_lead,
    industry_lead,
    governance_member,
    nhs_org,
    pharma_org,
    settings,
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    # Arranged in Python: a signed-off PID, then the agreement, the summary and delivery.
    pid_builders.wire_facts(monkeypatch)
    signatory = factories.member(
        "signatory@example.test", pharma_org, "certification_signatory", function="medical"
    )
    nhs_governance = factories.member("committee.chair@example.test", nhs_org, "governance_member")
    pid_builders.to_setup(project, nhs_lead, industry_lead)
    pid_builders.complete(
        project,
        nhs_lead=nhs_lead,
        industry_lead=industry_lead,
        nhs_governance=nhs_governance,
        governance_member=governance_member,
        nhs_org=nhs_org,
        pharma_org=pharma_org,
    )
    # Completion checks the sustainability and handover plan (SUSTAINABILITY-PLAN, ADR 0022),
    # written before the PID so that the amendment below changes only the exit strategy.
    plan_services.plan_entry_add(
        actor=nhs_lead, project=project, plan="sustainability", fields=SUSTAINABILITY
    )
    pid_services.pid_submit(actor=nhs_lead, project=project)
    pid_builders.sign_off(
        project,
        signatory=signatory,
        team=nhs_lead,
        committees={nhs_org: nhs_governance, pharma_org: governance_member},
    )
    advance(project, nhs_lead, "in_delivery")
    delivery_url = f"/projects/{project.pk}/delivery/"
    today = timezone.localdate()

    # A milestone that has slipped turns the computed status amber.
    sign_in(page, nhs_lead.username)
    page.goto(delivery_url)
    expect(page.locator("#rag-heading")).to_contain_text("Not rated")
    assert_accessible(page)
    page.click("a:has-text('Add a milestone')")
    page.click("button:has-text('Add the milestone')")
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Name the milestone.")
    assert_accessible(page)
    page.fill("#id_title", "Search run at every practice")
    fill_date(page, "#id_planned_on", (today - dt.timedelta(days=5)).isoformat())
    page.fill("#id_owner", "Data analyst")
    page.click("button:has-text('Add the milestone')")
    expect(page.locator("main")).to_contain_text("Milestone added.")
    expect(page.locator("#rag-heading")).to_contain_text("Amber")
    milestones = page.locator("table", has_text="Milestones in planned order")
    expect(milestones).to_contain_text("Overdue 5 days late")
    assert_accessible(page)

    # The lead raises an amendment that rewrites the exit strategy, and submits it.
    page.click("a:has-text('Amendments')")
    assert_accessible(page)
    page.click("a:has-text('Raise an amendment')")
    page.fill("#id_title", "Hand the service to the ICB at the end")
    page.fill("#id_reason", "The ICB has agreed to commission the reviews after the project.")
    page.fill("#id_impact_money", "No change to either party's contribution.")
    assert_accessible(page)
    page.click("button:has-text('Save the amendment')")
    expect(page.locator("main")).to_contain_text("Amendment 1 raised.")
    amendment_url = page.url
    page.click("a:has-text('Say what changes')")
    # One page lists every part of the PID as it reads now; only the exit strategy is changed.
    expect(page.locator("#id_after-exit_strategy")).to_have_value(
        pid_builders.PID_TEXT["exit_strategy"]
    )
    assert_accessible(page)
    page.fill("#id_after-exit_strategy", NEW_EXIT)
    page.click("button:has-text('Save the changes')")
    expect(page.locator("main table").first).to_contain_text(NEW_EXIT)
    assert_accessible(page)
    page.click("a:has-text('Submit for sign-off')")
    assert_accessible(page)
    page.click("main button:has-text('Submit for sign-off')")
    expect(page.locator("main")).to_contain_text("is submitted for certification and approval")
    expect(page.locator("main .nhsuk-tag").first).to_have_text("Awaiting sign-off")
    decide(page, amendment_url)
    expect(page.locator("main")).to_contain_text("The decision on Amendment 1")

    # The company's signatory certifies; both governance committees approve.
    switch_user(page, signatory)
    page.goto(amendment_url)
    page.click("a:has-text('Certify the amendment')")
    assert_accessible(page)
    page.click("button:has-text('Certify')")
    expect(page.locator("main")).to_contain_text("is certified")
    switch_user(page, nhs_governance)
    decide(page, amendment_url)
    switch_user(page, governance_member)
    page.goto(amendment_url)
    page.click("a:has-text('Approve or reject the amendment')")
    assert_accessible(page)
    page.check("input[name=decision][value=approve]")
    page.click("button:has-text('Record the decision')")
    expect(page.locator("main")).to_contain_text("applied: the PID is now version 2")
    expect(page.locator("main .nhsuk-tag").first).to_have_text("Approved")
    assert_accessible(page)

    # The history shows both versions, the amendment between them, and what changed.
    page.click("a:has-text('the PID\\'s history')")
    expect(page.locator("#version-2")).to_have_text("PID version 2")
    expect(page.locator("section[aria-labelledby=version-2] ins")).to_have_text(NEW_EXIT)
    expect(page.locator("section[aria-labelledby=amendment-1]")).to_contain_text("Approved")
    assert_accessible(page)

    # The lead records completion with the actual end date.
    switch_user(page, nhs_lead)
    page.goto(delivery_url)
    page.click("a:has-text('Record completion')")
    assert_accessible(page)
    fill_date(page, "#id_actual_end", (today + dt.timedelta(days=1)).isoformat())
    page.click("main button:has-text('Record completion')")
    expect(page.locator("#id_actual_end-error")).to_contain_text("cannot be in the future")
    assert_accessible(page)
    fill_date(page, "#id_actual_end", today.isoformat())
    page.click("main button:has-text('Record completion')")
    expect(page.locator("main")).to_contain_text("The project is completed.")
    assert_accessible(page)
    completed = Project.objects.get(pk=project.pk)
    assert (completed.state, completed.actual_end) == ("completed", today)
