"""CSV and XLSX downloads in which every cell is safe to open in a spreadsheet.

Every export in the product (the Disclosure UK file, the open register data, the oversight
tables) goes through here, so formula injection is neutralised in one place.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from triplewin.core.disclosure import safe_row

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a generator."""

    def write(self, value: str) -> str:
        return value


# Rows are sent in batches: one write per row would cost a system call each.
BATCH = 250


def csv_lines(
    header: Sequence[str], rows: Iterable[Sequence[object]], *, bom: bool = False
) -> Iterator[str]:
    writer = csv.writer(_Echo())
    # Excel reads UTF-8 correctly only when the file starts with a byte-order mark.
    batch = ["\ufeff"] if bom else []
    batch.append(writer.writerow(safe_row(header)))
    for row in rows:
        batch.append(writer.writerow(safe_row(row)))
        if len(batch) >= BATCH:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def _disposition(filename: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", filename).strip("-") or "download"
    return f'attachment; filename="{safe}"'


def csv_response(
    filename: str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    bom: bool = False,
    attachment: bool = True,
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        csv_lines(header, rows, bom=bom), content_type="text/csv; charset=utf-8"
    )
    if attachment:
        response["Content-Disposition"] = _disposition(filename)
    return response


@dataclass(frozen=True)
class Sheet:
    title: str
    header: Sequence[str]
    rows: Iterable[Sequence[object]]


def _sheet_title(title: str) -> str:
    # Excel refuses sheet names over 31 characters or containing []:*?/\
    return re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Sheet"


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet in sheets:
        ws = book.create_sheet(_sheet_title(sheet.title))
        header = []
        for value in safe_row(sheet.header):
            cell = WriteOnlyCell(ws, value=value)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        for row in sheet.rows:
            ws.append(safe_row(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_response(filename: str, sheets: Sequence[Sheet]) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(sheets), content_type=XLSX_TYPE)
    response["Content-Disposition"] = _disposition(filename)
    return response
