"""A company's Disclosure UK file for one year, as CSV or XLSX."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from triplewin.organisations.models import Organisation, OrgType
from triplewin.transfers import authority, disclosure_uk
from triplewin.transfers.tabular import csv_response, xlsx_response


@login_required
def download(
    request: HttpRequest, company_pk: int, year: int, fmt: str
) -> HttpResponse | StreamingHttpResponse:
    company = get_object_or_404(Organisation, pk=company_pk, org_type=OrgType.PHARMACEUTICAL)
    if not authority.may_export(request.user, company):
        raise PermissionDenied(
            "Only the company's partnership leads and certification signatories can download "
            "its Disclosure UK file."
        )
    sheet = disclosure_uk.sheet(company, year, timezone.localdate())
    if fmt == "csv":
        return csv_response(
            disclosure_uk.filename(company, year, "csv"), sheet.header, sheet.rows, bom=True
        )
    if fmt == "xlsx":
        return xlsx_response(disclosure_uk.filename(company, year, "xlsx"), [sheet])
    raise Http404("Choose csv or xlsx.")
