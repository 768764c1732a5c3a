"""How the test client meets one-time create forms (triplewin/submissions/once.py).

A browser gets a token from the page and posts it back. Tests that post straight to a create
form's address get a freshly made token instead, unless their data names the field (an empty
value tests a missing token). Every create page a test opens must render a token inside each
form that posts back to it, so a template that forgets the token fails the tests that open it.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils.datastructures import MultiValueDict

from triplewin.submissions import tokens
from triplewin.submissions.once import is_one_time

FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.I | re.S)
POSTS = re.compile(r"""method\s*=\s*["']?post""", re.I)
ACTION = re.compile(r"""action\s*=\s*["']([^"']*)["']""", re.I)


def one_time_path(path: str) -> str | None:
    """The path of a one-time create form's address, or None for any other address."""
    address = urlsplit(path).path
    try:
        match = resolve(address)
    except Resolver404:
        return None
    return address if is_one_time(match.func) else None


def token_for(client: Client, path: str) -> str:
    user_id = client.session.get(SESSION_KEY)
    return tokens.mint(user_id=int(user_id) if user_id else None, purpose=urlsplit(path).path)


def forms_without_token(html: str, page: str) -> list[str]:
    """The addresses of forms on the page that post to a one-time view without a token."""
    missing = []
    for attributes, body in FORM.findall(html):
        if not POSTS.search(attributes):
            continue
        action = ACTION.search(attributes)
        address = one_time_path(action.group(1) if action and action.group(1) else page)
        if address and f'name="{tokens.FIELD}"' not in body:
            missing.append(address)
    return missing


def install(monkeypatch: pytest.MonkeyPatch) -> None:
    post, get = Client.post, Client.get

    def posting(self: Client, path: str, data: Any = None, *args: Any, **kwargs: Any) -> Any:
        if (data is None or isinstance(data, dict)) and one_time_path(path):
            # A copy, keeping every value of a multi-valued field.
            data = data.copy() if isinstance(data, MultiValueDict) else dict(data or {})
            if tokens.FIELD not in data:
                data[tokens.FIELD] = token_for(self, path)
        return post(self, path, data, *args, **kwargs)

    def getting(self: Client, path: str, *args: Any, **kwargs: Any) -> Any:
        response = get(self, path, *args, **kwargs)
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            missing = forms_without_token(response.content.decode(), urlsplit(path).path)
            assert not missing, (
                f"{path} has a form posting to the create form {missing[0]} without a one-time "
                "token: put {{ submission_token() }} inside it (ADR 0017)."
            )
        return response

    monkeypatch.setattr(Client, "post", posting)
    monkeypatch.setattr(Client, "get", getting)
