"""A browser's part in the web-kill faults: a signed-in session, forms read from the page, posts.

Plain urllib with a cookie jar: a GET gives the page with its CSRF and one-time submission
token, a POST sends them back as the browser would.
"""

from __future__ import annotations

import html
import http.cookiejar
import re
import urllib.error
import urllib.request
import uuid
from typing import Any

from django.conf import settings
from django.test import Client

from tests.faults.processes import fetch

FORM = re.compile(r"<form\b[^>]*>.*?</form>", re.S | re.I)
HIDDEN = re.compile(r"<input\b[^>]*type=\"hidden\"[^>]*>", re.I)
ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')


class Browser:
    def __init__(self, site: str, user: Any) -> None:
        assert site.startswith("http://127.0.0.1:")
        self.site = site
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        # A session made the way a sign-in makes it, in the database both processes share.
        client = Client()
        client.force_login(user)
        self._cookie(
            settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value
        )

    def _cookie(self, name: str, value: str) -> None:
        self.jar.set_cookie(
            http.cookiejar.Cookie(
                0,
                name,
                value,
                None,
                False,
                "127.0.0.1",
                False,
                False,
                "/",
                True,
                False,
                None,
                False,
                None,
                None,
                {},
            )
        )

    def get(self, path: str) -> tuple[int, str]:
        return self._open(urllib.request.Request(self.site + path))  # noqa: S310 (http, checked)

    def form(self, page: str, action: str, *, at: str) -> dict[str, str]:
        """The hidden fields of the form on `page` (found at path `at`) that posts to `action`;
        a form without an action posts to its own page."""
        for form in FORM.findall(page):
            attrs = dict(ATTR.findall(form[: form.index(">")]))
            method = attrs.get("method", "get").lower()
            if method == "post" and (html.unescape(attrs.get("action", "")) or at) == action:
                fields = {}
                for tag in HIDDEN.findall(form):
                    found = dict(ATTR.findall(tag))
                    if "name" in found:
                        fields[found["name"]] = html.unescape(found.get("value", ""))
                return fields
        raise AssertionError(f"No form posting to {action} on the page.")

    def post(
        self,
        path: str,
        fields: dict[str, str],
        files: dict[str, tuple[str, bytes]] | None = None,
        *,
        timeout: float = 60,
    ) -> tuple[int, str]:
        boundary = uuid.uuid4().hex
        parts: list[bytes] = []
        for name, value in fields.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
            )
        for name, (filename, content) in (files or {}).items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
                + content
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        request = urllib.request.Request(  # noqa: S310 (http, checked in __init__)
            self.site + path,
            data=body,
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Referer": self.site + path,
            },
        )
        return self._open(request, timeout=timeout)

    def _open(self, request: urllib.request.Request, *, timeout: float = 60) -> tuple[int, str]:
        return fetch(self.opener, request, timeout=timeout)
