"""Error bodies as RFC 9457 problem details, each naming the field that caused it.

Every error the API gives goes through `problem()`: a refusal by a service (Django's
ValidationError, with the same plain-English messages as the pages), a request that does not
fit the schema, a missing or unusable token, a scope not granted, a limit reached.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from http import HTTPStatus
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as RequestInvalid

from triplewin.core.input_guard import safe_text

PROBLEM_TYPE = "application/problem+json"
# The problem types, documented at /api/v1/ (the reference page), section "Errors".
TYPE_BASE = "/api/v1/#problem-"


class FieldProblem(Schema):
    field: str
    message: str


class ProblemOut(Schema):
    type: str
    title: str
    status: int
    detail: str
    errors: list[FieldProblem] = []


class Problem(Exception):
    """Raised anywhere in the API to answer with a problem document."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        kind: str = "",
        errors: Iterable[tuple[str, str]] = (),
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.kind = kind or _kind(status)
        self.errors = list(errors)
        self.headers = dict(headers or {})


def _kind(status: int) -> str:
    return {
        400: "bad-request",
        401: "unauthenticated",
        403: "forbidden",
        404: "not-found",
        409: "conflict",
        412: "precondition-failed",
        422: "invalid",
        429: "too-many-requests",
    }.get(status, "error")


def problem(
    status: int,
    detail: str,
    *,
    kind: str = "",
    errors: Iterable[tuple[str, str]] = (),
    headers: Mapping[str, str] | None = None,
) -> HttpResponse:
    body: dict[str, Any] = {
        "type": TYPE_BASE + (kind or _kind(status)),
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "errors": [{"field": f, "message": m} for f, m in errors],
    }
    response = JsonResponse(body, status=status, content_type=PROBLEM_TYPE)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _field(loc: Iterable[Any]) -> str:
    # ninja's locations start with where the value came from: ("body", "payload", "rows", 3)
    parts = [str(p) for p in loc]
    if parts and parts[0] in {"body", "query", "path", "header"}:
        parts = parts[1:]
        if parts and parts[0] in {"payload", "filters", "params"}:
            parts = parts[1:]
    return ".".join(parts) or "request"


def _message(error: Mapping[str, Any]) -> str:
    kind = str(error.get("type", ""))
    if kind == "missing":
        return "This is required."
    if kind.startswith(("int", "decimal", "float")):
        return "Enter a number."
    if kind.startswith("date"):
        return "Enter a date as YYYY-MM-DD."
    if kind.startswith("string_too_long"):
        return "This is too long."
    if kind.startswith("too_long"):
        return "There are too many items."
    if kind in {"literal_error", "enum"}:
        return "Choose one of the listed values."
    # pydantic's own message, passed through the input guard: it can echo the input.
    return safe_text(str(error.get("msg", "This value is not valid.")))[:300]


def request_invalid(request: HttpRequest, exc: RequestInvalid) -> HttpResponse:
    errors = [(_field(e.get("loc", ())), _message(e)) for e in exc.errors]
    return problem(
        422,
        "The request does not match the API description. Nothing has been saved.",
        errors=errors,
    )


def refused(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    """A service's refusal: its messages are the same plain English the pages show."""
    if hasattr(exc, "error_dict"):
        errors = [(name, str(m)) for name, items in exc.message_dict.items() for m in items]
    else:
        errors = [("request", str(m)) for m in exc.messages]
    detail = (
        errors[0][1] if len(errors) == 1 else "The request was refused. Nothing has been saved."
    )
    return problem(422, detail, errors=errors)


def raised(request: HttpRequest, exc: Problem) -> HttpResponse:
    return problem(exc.status, exc.detail, kind=exc.kind, errors=exc.errors, headers=exc.headers)


def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc, Throttled):
        return problem(
            429,
            "Too many requests. Wait a minute and try again.",
            headers={"Retry-After": str(exc.wait or 60)},
        )
    if isinstance(exc, AuthenticationError):
        return problem(
            401,
            "Send a valid API token as 'Authorization: Bearer <token>'. The token may be "
            "unknown, revoked or expired.",
            headers={"WWW-Authenticate": 'Bearer realm="triplewin"'},
        )
    status = exc.status_code if 400 <= exc.status_code < 600 else 400
    return problem(status, str(exc.message) if hasattr(exc, "message") else str(exc))


def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem(404, "There is no such record, or this token may not see it.")


def broken(request: HttpRequest, exc: Exception) -> HttpResponse:
    """Anything else is our fault: say so without details, and let the logs have it."""
    logging.getLogger("triplewin.api").exception("API request failed")
    return problem(500, "Something went wrong on our side. Nothing has been saved.", kind="error")
