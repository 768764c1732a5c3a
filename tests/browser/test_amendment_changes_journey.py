"""Saying what an amendment changes: several parts of the PID on one page, saved together.

Before: two pages per changed part (choose it, then write it): four pages and two saves for
two parts. Now: one page and one save.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in
from triplewin.amendments import services
from triplewin.amendments.tests.fixtures import DETAILS
from triplewin.delivery.tests.fixtures import in_delivery, pid_in_delivery
from triplewin.pid.tests.fixtures import (
    approved,
    committees,
    complete_pid,
    in_setup,
    nhs_governance,
    signatory,
    submitted,
    wired,
)

__all__ = [
    "approved",
    "committees",
    "complete_pid",
    "in_delivery",
    "in_setup",
    "nhs_governance",
    "pid_in_delivery",
    "signatory",
    "submitted",
    "wired",
]

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_two_parts_of_the_pid_change_in_one_save(page: Any, pid_in_delivery: Any, nhs_lead: Any):
    amendment = services.amendment_create(actor=nhs_lead, project=pid_in_delivery, fields=DETAILS)
    sign_in(page, nhs_lead.username)
    page.goto(reverse("amendments:detail", args=[pid_in_delivery.pk, amendment.number]))
    page.click("a:has-text('Say what changes')")
    assert_accessible(page)
    page.fill("#id_after-success_when", "Quarterly")
    page.fill("#id_after-success_by_whom", "")
    page.click("button:has-text('Save the changes')")
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Write what")
    assert_accessible(page)
    page.fill("#id_after-success_by_whom", "The ICB's analyst")
    page.click("button:has-text('Save the changes')")
    expect(page.locator("main")).to_contain_text("2 changes to the PID saved.")
    expect(page.locator("main")).to_contain_text("Quarterly")
    expect(page.locator("main")).to_contain_text("The ICB's analyst")
    assert_accessible(page)
    assert dict(amendment.changes.values_list("field_key", "after")) == {
        "success_when": "Quarterly",
        "success_by_whom": "The ICB's analyst",
    }
