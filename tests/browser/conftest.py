"""Playwright driving Debian's chromium (installed by `make test`); no browser downloads."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is missing: run `make test`, which installs it.")
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield instance
        instance.close()


# Init scripts run outside the page's CSP, so this listener sees every violation, and it reports
# each one as a console error for ConsoleWatch to collect.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(
    `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || "an inline script"}`
    + ` in ${event.sourceFile || event.documentURI}:${event.lineNumber}`
  );
});
"""


class ConsoleWatch:
    """Collects console errors, uncaught exceptions, CSP violations and failed page resources.

    A main page answered with an error status (a 403, or a 400 form with its errors) is an
    expected outcome that tests assert on; Chromium logs it as "Failed to load resource", so
    those messages are left out and failed sub-resources are caught from the responses instead.
    """

    def __init__(self, context: Any) -> None:
        self.problems: list[str] = []
        context.add_init_script(CSP_LISTENER)
        context.on("console", self._console)
        context.on("weberror", lambda error: self.problems.append(f"page error: {error.error}"))
        context.on("response", self._response)

    def _console(self, message: Any) -> None:
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.problems.append(f"console error: {message.text} ({message.location['url']})")

    def _response(self, response: Any) -> None:
        if response.status >= 400 and not response.request.is_navigation_request():
            self.problems.append(f"resource failed: {response.status} {response.url}")

    def check(self) -> None:
        found, self.problems = self.problems, []
        assert not found, "The browser reported problems:\n" + "\n".join(found)


@pytest.fixture
def page(browser: Any, live_server: Any, fresh_cache: None) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    watch = ConsoleWatch(context)
    tab = context.new_page()
    yield tab
    context.close()
    watch.check()


def sign_in(page: Any, email: str, password: str = "a-long-test-password") -> None:
    """Sign in with a password, and with the authenticator code when the account has two-factor
    (every test user who needs it has `factories.TOTP_SECRET`)."""
    from tests import factories

    page.goto("/accounts/sign-in/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.click("button:has-text('Sign in')")
    page.wait_for_url(lambda url: "/projects/" in url or "/2fa/authenticate/" in url)
    if "/2fa/authenticate/" in page.url:
        # A code is accepted once: a second sign-in in the same half-minute takes the next one.
        page.fill("#id_code", factories.unused_totp_code(email))
        page.click("main button[type=submit]")
        page.wait_for_url("**/projects/")


def fill_date(page: Any, field_id: str, iso: str) -> None:
    """Type an ISO date (2026-03-27) into NHS.UK's day, month and year boxes of `#id_<field>`."""
    year, month, day = iso.split("-")
    selector = field_id.removeprefix("#")
    for part, value in (("day", day), ("month", month), ("year", year)):
        page.fill(f"#{selector}_{part}", value.lstrip("0") or "0")


def sign_out(page: Any) -> None:
    page.click("button:has-text('Sign out')")
    page.wait_for_url("**/")


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


PHONE = {"width": 390, "height": 844}
FITS = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
WIDEST = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll("body *")].filter(
    (e) => e.getBoundingClientRect().right > width + 1
  );
  // The innermost elements that stick out: the cause, not every container around it.
  return wide
    .filter((e) => !wide.some((other) => other !== e && e.contains(other)))
    .slice(0, 5)
    .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}"> ${e.scrollWidth}px`)
    .concat([`page ${document.documentElement.scrollWidth}px`]);
}"""


def assert_accessible(page: Any) -> None:
    """Run axe-core's WCAG 2.2 A/AA checks on the current page, as it is and on a phone 390 px
    wide, and fail on any violation or if the page is wider than the phone.

    The script is evaluated through the DevTools protocol, so the page's own CSP stays on.
    """
    _run_axe(page)
    size = page.viewport_size or {"width": 1280, "height": 720}
    page.set_viewport_size(PHONE)
    try:
        # NHS.UK's header moves its links under "More" a moment after a resize: wait for the
        # page to settle, up to two seconds, before calling it too wide.
        try:
            page.wait_for_function(FITS, timeout=2_000)
        except PlaywrightTimeout:
            raise AssertionError(
                f"{page.url} is wider than a phone (390 px): {page.evaluate(WIDEST)}"
            ) from None
        _run_axe(page)
    finally:
        page.set_viewport_size(size)


def _run_axe(page: Any) -> None:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text())
    violations = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)",
        WCAG_TAGS,
    )
    summary = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
    ]
    assert not summary, f"Accessibility problems on {page.url}:\n" + "\n".join(summary)
