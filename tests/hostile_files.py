"""Hostile uploads, built in memory: what the upload limits (triplewin.core.uploads) refuse.

Each builder writes the file the way an attacker or a careless export would, streaming large
parts through zipfile so that building a 50 MB sheet does not hold 50 MB. Used by the tests
and by benchmarks/uploads.py, which times each refusal.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Mapping

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"

CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{SHEET_TYPE}"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="{STRINGS_TYPE}"/>
</Types>"""
PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{RELS}">
<Relationship Id="rId1" Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}">
<sheets><sheet name="Measurements" sheetId="1" r:id="rId1"/></sheets>
</workbook>"""
WORKBOOK_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{RELS}">
<Relationship Id="rId1" Type="{DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="{DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""
# The header and one measurement, as inline text and numbers, so that the workbook is a good
# measurements file up to wherever the hostile part begins.
HEADER_ROWS = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>period</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>value</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>2024-01-01</t></is></c>'
    '<c r="B2"><v>41</v></c></row>'
)
EMPTY_STRINGS = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}"/>'


def _write(archive: zipfile.ZipFile, name: str, chunks: Iterable[str | bytes]) -> None:
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(info, "w", force_zip64=True) as member:
        for chunk in chunks:
            member.write(chunk.encode() if isinstance(chunk, str) else chunk)


def workbook(
    sheet_rows: Iterable[str] = (),
    *,
    shared_strings: Iterable[str | bytes] = (EMPTY_STRINGS,),
    extra: Mapping[str, Iterable[str | bytes]] | None = None,
) -> bytes:
    """A minimal .xlsx whose first sheet holds the header rows, then `sheet_rows`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        _write(archive, "xl/sharedStrings.xml", shared_strings)
        _write(
            archive,
            "xl/worksheets/sheet1.xml",
            [
                f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">',
                '<dimension ref="A1:XFD1048576"/><sheetData>',
                HEADER_ROWS,
                *_batched(sheet_rows),
                "</sheetData></worksheet>",
            ],
        )
        for name, chunks in (extra or {}).items():
            _write(archive, name, chunks)
    return buffer.getvalue()


def _batched(parts: Iterable[str], size: int = 20_000) -> Iterable[str]:
    batch: list[str] = []
    for part in parts:
        batch.append(part)
        if len(batch) == size:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def blank_rows_xlsx(rows: int = 3_000_000) -> bytes:
    """The issue's file: millions of empty rows below the data, in a zip of a few kilobytes.

    The rows carry no number, so each is the same six bytes and they compress a thousand
    times over; openpyxl numbers them one after another, as Excel does.
    """
    return workbook("<row/>" for _ in range(3, rows + 1))


def far_row_xlsx() -> bytes:
    """One empty row at the bottom of the sheet: openpyxl would pad every row in between."""
    return workbook(['<row r="1048576"/>'])


def shared_strings_xlsx(entries: int = 350_000) -> bytes:
    """A table of text of distinct entries, larger than the limit but not a zip bomb."""
    return workbook(
        shared_strings=[
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">',
            *_batched(
                f"<si><t>Note {n:07d} {n * 7919 % 100_003:05d}</t></si>" for n in range(entries)
            ),
            "</sst>",
        ]
    )


def zip_bomb_xlsx(megabytes: int = 100) -> bytes:
    """A workbook with one extra member of zeros, compressed about a thousand times."""
    zeros = b"\0" * (1024 * 1024)
    return workbook(extra={"xl/media/image1.png": (zeros for _ in range(megabytes))})


def long_csv(lines: int = 2_400_000) -> bytes:
    """A measurements CSV whose header is followed by millions of empty records."""
    return b"period,value\n" + b",\n" * lines


def nested_json(depth: int = 100_000) -> bytes:
    """A case study file that is nothing but opening brackets."""
    return b"[" * depth


def pdf(objects: list[bytes], *, trailer: bytes = b"") -> bytes:
    """A PDF of the given objects (numbered from 1, the first is the catalogue), with its xref."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\n" % (len(objects) + 1, trailer)
    return out + b"startxref\n%d\n%%%%EOF\n" % xref


CATALOGUE = b"<< /Type /Catalog /Pages 2 0 R >>"


def pages_pdf(pages: int, *, count: int | None = None) -> bytes:
    """Blank pages; `count` is what the page tree claims, which may be a lie."""
    kids = b" ".join(b"%d 0 R" % (n + 3) for n in range(pages))
    tree = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages if count is None else count)
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>"
    return pdf([CATALOGUE, tree, *([page] * pages)])


def nested_pdf(depth: int = 100_000) -> bytes:
    """A catalogue holding an array nested far beyond any recursion limit."""
    return pdf([b"<< /Type /Catalog /Pages 2 0 R /X %s%s >>" % (b"[" * depth, b"]" * depth)])


def xref_bomb_pdf(megabytes: int = 30) -> bytes:
    """A PDF whose cross-reference stream unpacks from a few kilobytes to `megabytes` MB."""
    out = b"%PDF-1.5\n1 0 obj\n" + CATALOGUE + b"\nendobj\n"
    out += b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    data = zlib.compress(b"\0" * (megabytes * 1024 * 1024), 9)
    xref = len(out)
    out += (
        b"3 0 obj\n<< /Type /XRef /Size 4 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode "
        b"/Length %d >>\nstream\n%s\nendstream\nendobj\n" % (len(data), data)
    )
    return out + b"startxref\n%d\n%%%%EOF\n" % xref


def error_next_to(body: str, field_id: str = "id_file") -> str:
    """The error message a page shows next to a form field, as plain text ("" if none)."""
    found = re.search(
        rf'id="{field_id}-error"\s*>\s*<span class="nhsuk-u-visually-hidden">Error: </span>'
        r"(.*?)</span>",
        body,
        re.DOTALL,
    )
    return " ".join(html.unescape(found.group(1)).split()) if found else ""
