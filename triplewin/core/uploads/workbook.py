"""Opening an uploaded Excel workbook (.xlsx) without trusting it.

A workbook is a zip of XML parts, and openpyxl trusts both: it unpacks what the zip directory
lists, reads the table of text and the styles whole, and pads every row to the width the sheet
claims. So before openpyxl sees the file, its zip directory is checked, then every XML part is
streamed once through expat: each sheet's rows (blank ones too), columns and cell lengths are
counted, and so are the elements of every other part, stopping at the first limit passed. Only
then does openpyxl read the first sheet, told exactly how many rows and columns to return.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any
from xml.parsers import expat

from triplewin.core.uploads.caps import (
    BOMB_RATIO,
    MAX_COLUMNS,
    MAX_PART_ITEMS,
    MAX_ROWS,
    MAX_SHEET_ITEMS,
    MAX_XLSX_CELL,
    MAX_XLSX_MEMBERS,
    MAX_XLSX_SHARED_STRINGS,
    MAX_XLSX_UNPACKED,
    Refused,
    megabytes,
)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
# Element names as expat reports them with namespace_separator=" ".
_SHEET_TAG, _ROW_TAG, _CELL_TAG, _STRING_TAG = (
    f"{MAIN} {tag}" for tag in ("worksheet", "row", "c", "si")
)
CHUNK = 64 * 1024
SHARED_STRINGS = "xl/sharedStrings.xml"

DAMAGED = "The workbook could not be opened; it may be damaged. Save it again and upload it."
NOT_A_WORKBOOK = "The file is a zip archive but not an Excel workbook."
TOO_MANY_ROWS = (
    f"This spreadsheet has more than {MAX_ROWS:,} rows, counting blank ones. Remove the empty "
    "rows below your data (select them, then Delete Sheet Rows), save and upload it again."
)
TOO_MANY_COLUMNS = (
    f"This spreadsheet has more than {MAX_COLUMNS} columns, counting blank ones. Remove the "
    "empty columns to the right of your data, save and upload it again."
)
CELL_TOO_LONG = (
    f"A cell holds more than {MAX_XLSX_CELL:,} characters, more than Excel itself allows. "
    "Shorten it and upload the file again."
)
TOO_MANY_SHEET_ITEMS = (
    f"The sheets in this workbook hold more than {MAX_SHEET_ITEMS:,} cells, values and other "
    "entries. Copy just the rows you need into a new workbook and upload that."
)
TOO_MANY_PART_ITEMS = (
    f"This workbook carries more than {MAX_PART_ITEMS:,} pieces of text, styles and settings. "
    "Copy the cells into a new workbook, paste them as values, and upload that."
)


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):,.0f} MB"
    return f"{max(count // 1024, 1):,} KB"


def _bomb_or_large(unpacked: int, packed: int, too_large: str) -> str:
    if unpacked > BOMB_RATIO * max(packed, 1):
        return (
            f"The file is compressed more than {BOMB_RATIO} times over: it would unpack from "
            f"{_size(packed)} to {_size(unpacked)}. It may be a zip bomb, a file built to "
            "exhaust a server, so it was not opened."
        )
    return too_large


@dataclass(frozen=True)
class Shape:
    """The extent of the data in all sheets, so openpyxl is never asked for more."""

    rows: int
    columns: int


def check_directory(archive: zipfile.ZipFile) -> None:
    """Refuse on the zip directory alone, before a byte is unpacked."""
    members = archive.infolist()
    if len(members) > MAX_XLSX_MEMBERS:
        raise Refused(
            f"The workbook holds more than {MAX_XLSX_MEMBERS:,} files inside it; one saved by "
            "Excel has a few dozen at most. Save the sheet you need as a new workbook."
        )
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise Refused(NOT_A_WORKBOOK)
    if any(m.flag_bits & 0x1 for m in members):
        raise Refused("The workbook is protected by a password. Upload a copy without one.")
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_XLSX_UNPACKED:
        packed = sum(m.compress_size for m in members)
        raise Refused(
            _bomb_or_large(
                unpacked,
                packed,
                f"The workbook is larger than {megabytes(MAX_XLSX_UNPACKED)} once unpacked. "
                "Split it into smaller files.",
            )
        )
    for m in members:
        if m.filename == SHARED_STRINGS and m.file_size > MAX_XLSX_SHARED_STRINGS:
            raise Refused(
                _bomb_or_large(
                    m.file_size,
                    m.compress_size,
                    f"The workbook's table of text (its shared strings) is larger than "
                    f"{megabytes(MAX_XLSX_SHARED_STRINGS)}. Copy just the rows you need into a "
                    "new workbook and upload that.",
                )
            )


class _Budget:
    """Elements counted across all parts, and the extent of the sheets' data."""

    def __init__(self) -> None:
        self.sheet_items = 0
        self.part_items = 0
        self.rows = 0
        self.columns = 0


class _PartScan:
    """expat handlers for one XML part; which rules apply depends on the part's root element."""

    def __init__(self, budget: _Budget) -> None:
        self.budget = budget
        self.root: str | None = None
        self.sheet = False
        self.rows = 0  # <row> elements seen in this sheet
        self.row = 0  # the current row's number
        self.column = 0  # the current cell's column
        self.text: int | None = None  # characters in the current cell or shared string

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if self.root is None:
            self.root = name
            self.sheet = name == _SHEET_TAG
        if self.sheet:
            self._sheet_element(name, attrs)
            return
        self.budget.part_items += 1
        if self.budget.part_items > MAX_PART_ITEMS:
            raise Refused(TOO_MANY_PART_ITEMS)
        if name == _STRING_TAG:
            self.text = 0

    def _sheet_element(self, name: str, attrs: dict[str, str]) -> None:
        self.budget.sheet_items += 1
        if self.budget.sheet_items > MAX_SHEET_ITEMS:
            raise Refused(TOO_MANY_SHEET_ITEMS)
        if name == _ROW_TAG:
            self.rows += 1
            self.row = _number(attrs.get("r"), after=self.row)
            self.column = 0
            if self.rows > MAX_ROWS or self.row > MAX_ROWS:
                raise Refused(TOO_MANY_ROWS)
            self.budget.rows = max(self.budget.rows, self.row)
        elif name == _CELL_TAG:
            reference = attrs.get("r")
            self.column = _column(reference) if reference else self.column + 1
            if self.column > MAX_COLUMNS:
                raise Refused(TOO_MANY_COLUMNS)
            self.budget.columns = max(self.budget.columns, self.column)
            self.text = 0

    def end(self, name: str) -> None:
        if name in (_CELL_TAG, _STRING_TAG):
            self.text = None

    def characters(self, data: str) -> None:
        if self.text is not None:
            self.text += len(data)
            if self.text > MAX_XLSX_CELL:
                raise Refused(CELL_TOO_LONG)

    @staticmethod
    def refuse_doctype(*_: Any) -> None:
        # No part of a workbook has a DTD; refusing them rules out entity-expansion tricks.
        raise Refused(DAMAGED)


def _number(text: str | None, *, after: int) -> int:
    """A row number as openpyxl reads it: the r attribute, or one after the previous row."""
    if text is None:
        return after + 1
    text = text.strip()
    if len(text) > 12:
        return MAX_ROWS + 1
    try:
        value = float(text)
    except ValueError:
        raise Refused(DAMAGED) from None
    if not value.is_integer():
        raise Refused(DAMAGED)
    return int(value)


def _column(reference: str) -> int:
    """The column number of a cell reference such as 'AB12'."""
    letters = ""
    for character in reference.strip():
        if not character.isalpha():
            break
        letters += character.upper()
    if not letters or not letters.isascii():
        raise Refused(DAMAGED)
    if len(letters) > 3:
        return MAX_COLUMNS + 1
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _looks_like_xml(head: bytes) -> bool:
    for mark in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if head.startswith(mark):
            return True
    stripped = head.lstrip(b" \t\r\n")
    return stripped.startswith(b"<") or stripped[:2] == b"\x00<"


def _scan_part(stream: IO[bytes], head: bytes, budget: _Budget) -> None:
    scan = _PartScan(budget)
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler = scan.start
    parser.EndElementHandler = scan.end
    parser.CharacterDataHandler = scan.characters
    parser.StartDoctypeDeclHandler = scan.refuse_doctype
    chunk = head
    try:
        while chunk:
            parser.Parse(chunk, False)
            chunk = stream.read(CHUNK)
        parser.Parse(b"", True)
    except expat.ExpatError:
        raise Refused(DAMAGED) from None


def scan(archive: zipfile.ZipFile) -> Shape:
    """Stream every XML part through the limits; openpyxl reads nothing that was not counted."""
    budget = _Budget()
    for member in archive.infolist():
        if member.is_dir():
            continue
        with archive.open(member) as stream:
            head = stream.read(CHUNK)
            if _looks_like_xml(head):
                _scan_part(stream, head, budget)
    return Shape(rows=budget.rows, columns=budget.columns)


def _open(content: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise Refused(DAMAGED) from None


def inspect(content: bytes) -> Shape:
    """The directory, then every part, checked against the limits; raises `Refused`."""
    with _open(content) as archive:
        check_directory(archive)
        try:
            return scan(archive)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError):
            # A damaged member, an unsupported compression method or a checksum that fails.
            raise Refused(DAMAGED) from None


def xlsx_rows(content: bytes) -> Iterator[tuple[Any, ...]]:
    """Every row of the first worksheet, blank ones included, as openpyxl read-only cells.

    Rows are numbered from 1 in the order they come, as the spreadsheet numbers them. Raises
    `Refused` (from the first `next`) when the workbook passes a limit or cannot be read.
    """
    shape = inspect(content)
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception:
        # openpyxl raises many kinds of error for damaged workbooks; each means the same here.
        raise Refused(DAMAGED) from None
    try:
        if not book.worksheets:
            raise Refused("The workbook has no worksheet. Put the data on the first sheet.")
        sheet = book.worksheets[0]
        # Both bounds are given so openpyxl never pads rows to the size the sheet claims.
        rows = sheet.iter_rows(max_row=max(shape.rows, 1), max_col=max(shape.columns, 1))
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except Exception:
                raise Refused(DAMAGED) from None
            yield row
    finally:
        book.close()
