"""Charts stay readable on a phone: every word at least 12 px high, the chart scrolling sideways
inside a box that a keyboard reaches, instead of shrinking with the screen (issue 15)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, assert_accessible, assert_chart_text_legible, sign_in
from triplewin.kpis.tests import builders as kpi_builders
from triplewin.partnerships.models import Project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_spc_chart_keeps_its_words_legible_on_a_phone(page, project, nhs_lead):
    Project.objects.filter(pk=project.pk).update(state="in_delivery")
    kpi = kpi_builders.kpi(project, nhs_lead, name="Patients reviewed")
    kpi_builders.record_series(kpi, nhs_lead, [40, 52, 61, 58, 63, 70, 66, 72, 75, 71, 78, 80])
    sign_in(page, nhs_lead.username)
    page.goto(reverse("kpis:detail", args=[project.pk, kpi.pk]))
    assert_accessible(page)  # at 1280 and at 390 px, chart text included

    page.set_viewport_size(PHONE)
    box = page.locator(".tw-chart-box").first
    assert box.get_attribute("aria-label", timeout=2_000)
    box.focus()
    expect(box).to_be_focused()
    # The box scrolls: the chart inside is wider than the phone.
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")
    assert_chart_text_legible(page)

    # The check can fail: a chart allowed to shrink to the phone's width has words under 12 px.
    page.evaluate("document.querySelector('.tw-chart-box > svg').style.minWidth = '0'")
    with pytest.raises(AssertionError, match="Chart text under 12 px"):
        assert_chart_text_legible(page)
