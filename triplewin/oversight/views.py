"""The system oversight dashboard and its exports."""

from __future__ import annotations

import re

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone

from triplewin.oversight import access, dashboard
from triplewin.oversight.selectors import DEFAULT_STALL_DAYS
from triplewin.partnerships.views._helpers import page
from triplewin.transfers.tabular import csv_response, xlsx_response

MAX_DAYS = 3650
DAYS = re.compile(r"^[0-9]{1,4}$")


def _days(request: HttpRequest) -> tuple[int, str]:
    """The stall threshold from ?days=, with a message when the value was not usable."""
    raw = request.GET.get("days", "").strip()
    if not raw:
        return DEFAULT_STALL_DAYS, ""
    if DAYS.match(raw) and 1 <= int(raw) <= MAX_DAYS:
        return int(raw), ""
    return DEFAULT_STALL_DAYS, f"Enter a number of days from 1 to {MAX_DAYS}."


def _build(request: HttpRequest) -> tuple[dashboard.Dashboard, str]:
    system, systems = access.chosen_system(request.user, request.GET.get("system", ""))
    days, problem = _days(request)
    return (
        dashboard.build(system=system, systems=systems, today=timezone.localdate(), days=days),
        problem,
    )


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    board, days_error = _build(request)
    return page(
        request,
        "oversight/dashboard.jinja",
        title=f"System oversight: {board.system.name}",
        nav="oversight",
        d=board,
        tables=board.tables(),
        days_error=days_error,
        days_value=request.GET.get("days", str(board.days)),
        query=request.GET.urlencode(),
    )


@login_required
def export(request: HttpRequest, table: str, fmt: str) -> HttpResponse | StreamingHttpResponse:
    board, _ = _build(request)
    tables = board.tables()
    stem = f"oversight-{board.system.name}-{board.today.isoformat()}"
    if table == "all" and fmt == "xlsx":
        return xlsx_response(f"{stem}.xlsx", [t.sheet() for t in tables.values()])
    chosen = tables.get(table)
    if chosen is None or fmt not in ("csv", "xlsx"):
        raise Http404("No such table.")
    if fmt == "csv":
        return csv_response(f"{stem}-{table}.csv", chosen.header, chosen.values, bom=True)
    return xlsx_response(f"{stem}-{table}.xlsx", [chosen.sheet()])
