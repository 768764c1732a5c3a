"""Cursor pagination and conditional GET for the API's lists.

A cursor is opaque to clients: the sort key of the last item served, so a page never skips
or repeats an item when records are added while a client reads (offsets would).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse

from triplewin.api.problems import Problem

DEFAULT_LIMIT = 25
MAX_LIMIT = 100


def encode(*key: object) -> str:
    text = json.dumps([k.isoformat() if isinstance(k, dt.date) else k for k in key])
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode(cursor: str, *, parts: int) -> list[Any]:
    """The key a cursor holds, or a 400 naming the cursor when it is not one we gave."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        key = None
    if not isinstance(key, list) or len(key) != parts:
        raise Problem(
            400,
            "The cursor is not one this API gave. Start again without a cursor.",
            errors=[("cursor", "Use the next_cursor of the previous page.")],
        )
    return key


def day(value: Any) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise Problem(
            400,
            "The cursor is not one this API gave. Start again without a cursor.",
            errors=[("cursor", "Use the next_cursor of the previous page.")],
        ) from None


def conditional(request: HttpRequest, body: dict[str, Any], *, max_age: int = 60) -> HttpResponse:
    """The JSON body with a strong ETag; 304 without a body when the client has it already."""
    content = json.dumps(body, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": f"public, max-age={max_age}"}
    wanted = request.headers.get("If-None-Match", "")
    if etag in {t.strip().removeprefix("W/") for t in wanted.split(",")} or wanted.strip() == "*":
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(content, content_type="application/json")
    for name, value in headers.items():
        response[name] = value
    return response
