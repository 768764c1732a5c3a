"""Every page, as each role: no console error, no CSP violation, no axe-core WCAG 2.2 AA
violation, no chart word under 12 px, no page wider than a phone, and no 500 (issue 15).

The pages come from `tests/crawl.pages_by_route`: one URL per route that answers the role with
a page, found by filling in every URL pattern for one demo project and following every link
from there, so a page added later is swept without anyone listing it. The demo data is loaded
through the services, with real organisation names and long texts, as people will see them.
Each role gets one browser context, signed in once; every role is swept at 390 px, and the NHS
lead at 1280 px too. Each problem is collected with its page, and the test fails listing all.
"""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import (
    FITS,
    PHONE,
    WIDEST,
    ConsoleWatch,
    _run_axe,
    assert_chart_text_legible,
)
from tests.crawl import Fill, pages_by_route
from triplewin.demo.data import people
from triplewin.demo.data.lincolnshire_injectables import COMMUNITY_INJECTABLES
from triplewin.demo.data.people_setup import email
from triplewin.documents.kinds import KINDS
from triplewin.partnerships.models import Project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 800}
# The demo's people in the seven roles of tests/roles.py.
PEOPLE: dict[str, str | None] = {
    "nhs_lead": people.NHS_LEAD,
    "industry_lead": people.INDUSTRY_LEAD,
    "governance_member": people.GOVERNANCE,
    "team_member": email("dylan.pryce"),
    "oversight": people.OVERSIGHT,
    "outsider": people.OUTSIDER,
    "anonymous": None,
}
# Each role, and the widths its pages are checked at (each page is opened once, checked at the
# first width, then resized). Two sweeps, so that two workers (-n 2) take one each and finish
# at about the same time: the NHS lead, at two widths, sees the most pages.
SWEEPS: dict[str, tuple[tuple[str, tuple[dict[str, int], ...]], ...]] = {
    "NHS lead, outsider and anonymous": (
        ("nhs_lead", (DESKTOP, PHONE)),
        ("outsider", (PHONE,)),
        ("anonymous", (PHONE,)),
    ),
    "company people, team member and oversight": (
        ("industry_lead", (PHONE,)),
        ("governance_member", (PHONE,)),
        ("team_member", (PHONE,)),
        ("oversight", (PHONE,)),
    ),
}
SIGNED_IN = ("nhs_lead", "industry_lead", "governance_member", "team_member", "oversight")
# Pages that refuse: each role meets the "not found" and "cannot do that" pages too.
REFUSALS = ("/projects/999999/", "/oversight/")


@pytest.fixture
def demo(transactional_db: None, fresh_cache: None) -> Project:
    call_command("load_demo", stdout=StringIO())
    return Project.objects.get(title=COMMUNITY_INJECTABLES.title)


def _client(role: str) -> Client:
    client = Client(raise_request_exception=False)
    username = PEOPLE[role]
    if username is not None:
        client.force_login(User.objects.get(username=username))
    return client


def _problems_on(tab: Any, size: dict[str, int]) -> list[str]:
    found: list[str] = []
    if size["width"] <= PHONE["width"] and not tab.evaluate(FITS):
        try:
            # NHS.UK's header folds its links under "More" a moment after the page loads.
            tab.wait_for_function(FITS, timeout=1_000)
        except PlaywrightTimeout:
            found.append(f"wider than {size['width']} px: {tab.evaluate(WIDEST)}")
    for check in (_run_axe, assert_chart_text_legible):
        try:
            check(tab)
        except AssertionError as error:
            found.append(str(error))
    return found


def _sweep(
    browser: Any, base_url: str, role: str, sizes: tuple[dict[str, int], ...], urls: list[str]
) -> list[str]:
    context = browser.new_context(base_url=base_url, viewport=sizes[0])
    context.set_default_timeout(15_000)
    watch = ConsoleWatch(context)
    client = _client(role)
    session = client.cookies.get(settings.SESSION_COOKIE_NAME)
    if session is not None:
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session.value, "url": base_url}]
        )
    tab = context.new_page()
    problems: list[str] = []
    try:
        for url in urls:
            response = tab.goto(url)
            found = [] if response is None or response.status < 500 else [f"{response.status}"]
            if url not in REFUSALS and response is not None and not response.url.endswith(url):
                # The client saw this page; the browser, signed in as the same person, must too.
                found.append(f"answered from {response.url}")
            problems += [f"{role}, {url}: {p}" for p in found]
            for size in sizes:
                if size != sizes[0]:
                    tab.set_viewport_size(size)
                found = _problems_on(tab, size) + watch.problems
                watch.problems = []
                problems += [f"{role} at {size['width']} px, {url}: {p}" for p in found]
            if len(sizes) > 1:
                tab.set_viewport_size(sizes[0])
    finally:
        context.close()
    return problems


@pytest.mark.parametrize("sweep", SWEEPS, ids=list(SWEEPS))
def test_every_page_as_each_role(sweep: str, browser: Any, live_server: Any, demo: Project) -> None:
    slugs = [s.key for kind in KINDS for s in kind.subjects(demo)]
    problems: list[str] = []
    counts: dict[str, int] = {}
    for role, sizes in SWEEPS[sweep]:
        sample = pages_by_route(_client(role), demo.pk, Fill(ids=[], slugs=slugs))
        problems += [f"{role}: {error}" for error in sample.errors]
        urls = sorted(set(sample.pages.values()) | set(REFUSALS))
        for size in sizes:
            counts[f"{role} at {size['width']} px"] = len(urls)
        problems += _sweep(browser, live_server.url, role, sizes, urls)
    print(f"{sweep}: pages checked {counts}")  # shown with -rP
    # The crawl reached the product, not only its sign-in page.
    assert all(n > 40 for role, n in counts.items() if role.startswith(SIGNED_IN)), counts
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def test_the_sweep_reports_what_it_is_for(page: Any) -> None:
    """The checks can fail: a page made too wide, given an image with no text alternative and
    a squeezed chart word, is reported for each."""
    page.set_viewport_size(PHONE)
    page.goto("/about/")
    assert _problems_on(page, PHONE) == []
    page.evaluate(
        """() => {
          const main = document.querySelector("main");
          const wide = document.createElement("div");
          wide.style.width = "900px";
          wide.textContent = "wide";
          main.append(wide, document.createElement("img"));
          main.insertAdjacentHTML(
            "beforeend",
            '<svg viewBox="0 0 2000 100" width="300"><text x="0" y="50">tiny</text></svg>'
          );
        }"""
    )
    found = "\n".join(_problems_on(page, PHONE))
    assert "wider than 390 px" in found
    assert "image-alt" in found
    assert "Chart text under 12 px" in found
