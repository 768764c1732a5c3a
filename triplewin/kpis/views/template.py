"""The measurements file template, as CSV or as an Excel workbook."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_GET

from triplewin.core.kpi_files import TEMPLATE_HEADER
from triplewin.kpis import access as kpi_access
from triplewin.kpis.models import Site
from triplewin.partnerships import access
from triplewin.transfers.tabular import Sheet, csv_response, xlsx_response

GUIDANCE = (
    ("period", "Any date in the period, as 2025-04-01 or 01/04/2025. One row per period."),
    ("site", "Optional. The site's name or code, exactly as on the sites page."),
    ("value", "A number. A cell shown as a percentage in Excel is read as it is shown."),
    ("note", "Optional, up to 500 characters."),
    ("", "Type values, not formulas: files with formulas are refused."),
)


@require_GET
def template_download(request: HttpRequest, pk: int, kpi: int, fmt: str) -> HttpResponseBase:
    project = access.visible_project_or_404(request.user, pk)
    found = kpi_access.kpi_or_404(request.user, project, kpi)
    name = f"{found.name}-measurements"
    if fmt == "csv":
        response: HttpResponseBase = csv_response(f"{name}.csv", TEMPLATE_HEADER, [], bom=True)
    elif fmt == "xlsx":
        sites = [(s.name, s.code) for s in Site.objects.filter(project=project)]
        response = xlsx_response(
            f"{name}.xlsx",
            [
                Sheet("Measurements", TEMPLATE_HEADER, []),
                Sheet("How to fill this in", ("column", "what to enter"), GUIDANCE),
                Sheet("Sites", ("site", "code"), sites),
            ],
        )
    else:
        raise Http404("No such format.")
    response["X-Content-Type-Options"] = "nosniff"
    return response
