"""Clicking a create button twice saves one record, and says so calmly (ADR 0017).

The first click's save is held on the server until the browser has sent the second click's
post, so the two really overlap, as they do when a slow page tempts a second click.
"""

from __future__ import annotations

import re
import threading
from typing import Any

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in
from triplewin.contributions import services
from triplewin.contributions.models import Contribution
from triplewin.partnerships.models import Project
from triplewin.submissions.models import SpentToken

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ADD = "button:has-text('Add contribution')"


def test_clicking_add_contribution_twice_adds_one(
    page, project, nhs_lead, nhs_org, settings, monkeypatch
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    Project.objects.filter(pk=project.pk).update(state="concept_approved")
    saving, go_on = threading.Event(), threading.Event()
    add = services.contribution_add

    def slow_add(**kwargs: Any) -> Any:
        saving.set()
        go_on.wait(timeout=20)
        return add(**kwargs)

    monkeypatch.setattr(services, "contribution_add", slow_add)
    sign_in(page, nhs_lead.username)
    page.goto(f"/projects/{project.pk}/contributions/add/")
    page.select_option("#id_organisation", str(nhs_org.pk))
    page.check("input[name=kind][value=staff_time]")
    page.fill("#id_description", "Specialist nurse clinics")
    page.fill("#id_role", "Specialist nurse")
    page.fill("#id_hours", "120")

    # Real mouse clicks at the button's place: they do not wait for the page to navigate.
    page.locator(ADD).scroll_into_view_if_needed()
    box = page.locator(ADD).bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.click(x, y)
    assert saving.wait(timeout=20), "the first click's post reached the server"
    with page.expect_request(lambda r: r.method == "POST"):
        page.mouse.click(x, y)
    go_on.set()
    # The browser abandons the first post's navigation when the second click posts; waiting
    # for "a navigation" can catch that abandoned one (net::ERR_ABORTED), so wait for the page
    # the surviving post lands on instead.
    expect(page).to_have_url(re.compile(rf"/projects/{project.pk}/contributions/$"), timeout=20_000)

    expect(page.locator("main")).to_contain_text("Specialist nurse clinics")
    assert Contribution.objects.filter(project=project).count() == 1
    expect(page.locator("main")).to_contain_text("This was already saved.")
    assert SpentToken.objects.count() == 1
    assert_accessible(page)
