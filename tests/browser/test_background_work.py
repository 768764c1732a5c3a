"""An oversight lead watches the background work: healthy, a failed task retried, then the red
warning when tasks wait and no worker beats. Axe checks the page both ways at both widths.

Set QUEUE_SCREENSHOTS=<folder> to keep screenshots of each state at 1280 px and 390 px."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, assert_accessible, sign_in
from triplewin.monitoring.models import Heartbeat, ProcessKind
from triplewin.monitoring.tests.conftest import beat, failed_task

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("QUEUE_SCREENSHOTS")


def _shots(page: Any, name: str) -> None:
    if not SHOTS:
        return
    size = page.viewport_size
    page.screenshot(path=f"{SHOTS}/{name}-1280.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=f"{SHOTS}/{name}-390.png", full_page=True)
    page.set_viewport_size(size)


def test_healthy_then_retried_then_red(page: Any, oversight: Any) -> None:
    worker = beat(minutes_ago=2)
    beat(minutes_ago=0.5, kind=ProcessKind.SCHEDULER)
    failed_task()
    sign_in(page, oversight.username)
    page.goto("/oversight/")
    page.get_by_role("link", name="background work").click()
    expect(page.locator("h1")).to_have_text("Background work")
    expect(page.locator(".nhsuk-error-summary")).to_have_count(0)
    expect(page.get_by_text("2 minutes ago")).to_be_visible()
    expect(page.get_by_text("Connection unexpectedly closed")).to_be_visible()
    assert_accessible(page)
    _shots(page, "healthy")

    page.get_by_role("button", name="Retry this task").click()
    expect(page.get_by_role("status")).to_contain_text("was queued again")
    expect(page.get_by_text("Retried by")).to_be_visible()

    # The retry now waits, and the only worker falls silent.
    Heartbeat.objects.filter(pk=worker.pk).update(
        last_beat=timezone.now() - dt.timedelta(minutes=12)
    )
    page.reload()
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_contain_text("No task worker is running")
    expect(summary).to_contain_text("1 task waiting")
    expect(page.get_by_text("Silent")).to_be_visible()
    assert_accessible(page)
    _shots(page, "red")
