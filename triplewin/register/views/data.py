"""Open data: the whole register as CSV and JSON, an Atom feed, and the fields explained."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone

from triplewin.partnerships.views._helpers import page
from triplewin.register import audit_heads, feed, open_data
from triplewin.transfers.tabular import csv_response


def fields(request: HttpRequest) -> HttpResponse:
    return page(
        request,
        "register/open_data.jinja",
        title="Open data: the register's fields",
        nav="register",
        fields=open_data.FIELDS,
        head_fields=audit_heads.HEAD_FIELDS,
    )


def register_csv(request: HttpRequest) -> StreamingHttpResponse:
    today = timezone.localdate()
    return csv_response(
        f"triplewin-register-{today.isoformat()}.csv", open_data.HEADER, open_data.csv_rows(today)
    )


def register_json(request: HttpRequest) -> StreamingHttpResponse:
    today = timezone.localdate()
    response = StreamingHttpResponse(
        open_data.json_chunks(today), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'inline; filename="triplewin-register-{today.isoformat()}.json"'
    )
    return response


def atom(request: HttpRequest) -> HttpResponse:
    generated = feed.atom_feed(timezone.localdate())
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    generated.write(response, "utf-8")
    return response


def audit_heads_csv(request: HttpRequest) -> StreamingHttpResponse:
    today = timezone.localdate()
    return csv_response(
        f"triplewin-audit-heads-{today.isoformat()}.csv",
        audit_heads.HEAD_HEADER,
        audit_heads.csv_rows(),
    )


def audit_heads_json(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    response = HttpResponse(
        audit_heads.json_text(today), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'inline; filename="triplewin-audit-heads-{today.isoformat()}.json"'
    )
    return response
