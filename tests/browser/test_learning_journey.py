"""Learning from a finished partnership, in the browser: an after-action review entry, two
self-assessments against the nine principles with their trend, and the partner survey sent,
answered through a personal link and shown only in aggregate."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, fill_date, sign_in, sign_out
from triplewin.core import principles
from triplewin.learning.models import SurveyResponse
from triplewin.outcomes.tests import builders

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assess(page: Any, project_pk: int, on: dt.date, score: int) -> None:
    page.goto(f"/projects/{project_pk}/learning/principles/assess/")
    fill_date(page, "#id_assessed_on", on.isoformat())
    for p in principles.PRINCIPLES:
        page.check(f"#id_score_{p.slug}-{score}")
    page.fill("#id_comment_governance", f"Scored {score} on {on.isoformat()}.")
    page.click("button:has-text('Save my assessment')")
    expect(page.locator("main")).to_contain_text("Your assessment against the nine principles")


def test_review_principles_and_survey(page, nhs_lead, industry_lead, nhs_org, pharma_org, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SITE_URL = "http://testserver"
    project = builders.completed_project(
        nhs_lead=nhs_lead, industry_lead=industry_lead, nhs_org=nhs_org, pharma_org=pharma_org
    )
    learning_url = f"/projects/{project.pk}/learning/"

    sign_in(page, nhs_lead.username)
    page.goto(learning_url)
    assert_accessible(page)

    page.click("text=After-action review")
    page.click("text=Add an entry")
    page.click("button:has-text('Save the entry')")
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Name the topic.")
    assert_accessible(page)
    page.fill("#id_topic", "Recruiting practices")
    page.select_option("#id_principle", value="stakeholders")
    page.fill("#id_planned", "Twelve practices in the first quarter.")
    page.fill("#id_happened", "Eight joined on time and four late.")
    page.fill("#id_why", "Winter pressures.")
    page.fill("#id_improve", "Start outside winter.")
    page.click("button:has-text('Save the entry')")
    expect(page.locator("main")).to_contain_text("Eight joined on time and four late.")
    assert_accessible(page)

    assess(page, project.pk, timezone.localdate() - dt.timedelta(days=90), 2)
    assert_accessible(page)
    assess(page, project.pk, timezone.localdate(), 4)
    expect(page.locator("main")).to_contain_text("Overall: Up 2.0 since")
    expect(page.locator("#principles-table")).to_contain_text("4.0")
    expect(page.locator("#principles-trend-title")).to_have_text(
        "Self-assessment against the nine principles over time"
    )
    assert_accessible(page)

    page.goto(f"{learning_url}survey/")
    assert_accessible(page)
    page.click("text=Send the survey")
    page.click("button:has-text('Send the survey')")
    expect(page.locator("main")).to_contain_text("Survey sent to 2 people.")
    link = next(m for m in mail.outbox if m.to == [industry_lead.email])
    path = re.search(r"http://testserver(/projects/survey/\S+/)", str(link.body))
    assert path is not None

    sign_out(page)
    page.goto(path.group(1))
    page.wait_for_url("**/accounts/sign-in/**")
    sign_in(page, industry_lead.username)
    page.goto(path.group(1))
    page.click("button:has-text('Send my answers')")
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Choose how far you agree.")
    assert_accessible(page)
    for question_id in (
        "aim_held",
        "measured",
        "contributed",
        "benefited",
        "trust",
        "governance",
        "boundaries",
        "again",
    ):
        page.check(f"#id_{question_id}-4")
    page.fill("#id_went_well", "Monthly meetings kept everyone informed.")
    page.click("button:has-text('Send my answers')")
    expect(page.locator("main")).to_contain_text("You answered this survey on")
    assert SurveyResponse.objects.count() == 1

    page.goto(f"{learning_url}survey/")
    expect(page.locator("#results-industry")).to_contain_text("Industry partners: 1 response")
    expect(page.locator("main")).to_contain_text("results are shown once there are at least 3")
    expect(page.locator("main")).not_to_contain_text("Monthly meetings kept everyone informed.")
    assert_accessible(page)
