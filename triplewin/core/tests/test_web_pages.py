"""Recorded web addresses, and the page check, against a real HTTP server on this machine."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from triplewin.core.web_pages import address_problem, check_page


class _Handler(BaseHTTPRequestHandler):
    ROUTES = {
        "/summary": (200, None),
        "/gone": (404, None),
        "/moved": (301, "/summary"),
        "/loop": (302, "/loop"),
        "/to-metadata": (302, "http://169.254.169.254/latest/meta-data/"),
        "/to-ftp": (302, "ftp://example.com/file"),
        "/broken": (500, None),
    }

    def do_HEAD(self) -> None:
        if self.path == "/no-head":
            self.send_response(405)
            self.end_headers()
            return
        self._answer()

    def do_GET(self) -> None:
        self._answer()

    def _answer(self) -> None:
        status, location = self.ROUTES.get(
            self.path, (200 if self.path == "/no-head" else 404, None)
        )
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://www.acme-pharma.example/partnerships/copd", None),
        ("http://example.com", None),
        ("", "Enter the web address"),
        ("javascript:alert(1)", "must start with https://"),
        ("ftp://example.com/summary.pdf", "must start with https://"),
        ("file:///etc/passwd", "must start with https://"),
        ("https://user:secret@example.com/", "user name or password"),
        ("https://user@example.com/", "user name or password"),
        ("https://exa mple.com/", "spaces"),
        ("https://example.com/\nSet-Cookie: x", "spaces"),
        ("https:///no-host", "Enter a web address like"),
        ("https://example.com:99999/", "Enter a web address like"),
        ("https://example.com/" + "a" * 500, "at most 500"),
    ],
)
def test_address_problem(url: str, problem: str | None) -> None:
    found = address_problem(url)
    if problem is None:
        assert found is None
    else:
        assert found is not None
        assert problem in found


@pytest.mark.parametrize(
    ("path", "answered", "detail"),
    [
        ("/summary", True, "answered (200)"),
        ("/moved", True, "answered (200)"),
        ("/no-head", True, "answered (200)"),
        ("/gone", False, "error 404"),
        ("/broken", False, "error 500"),
        ("/loop", False, "too many times"),
        ("/to-ftp", False, "cannot check"),
    ],
)
def test_check_page_against_a_real_server(
    site: str, path: str, answered: bool, detail: str
) -> None:
    result = check_page(site + path, allow_private=True)
    assert result.answered is answered
    assert detail in result.detail


def test_a_closed_port_does_not_answer(site: str) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = check_page(f"http://127.0.0.1:{port}/summary", allow_private=True, timeout=2)
    assert not result.answered
    assert "did not answer" in result.detail


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost/",
        "http://10.0.0.5/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
    ],
)
def test_private_addresses_are_never_fetched_in_production(url: str) -> None:
    result = check_page(url)
    assert not result.answered
    assert "not on the public internet" in result.detail


def test_the_live_local_server_is_refused_without_the_test_setting(site: str) -> None:
    assert "not on the public internet" in check_page(site + "/summary").detail


def test_a_name_that_does_not_resolve_does_not_answer() -> None:
    result = check_page("https://no-such-host.invalid/summary", timeout=2)
    assert not result.answered
