"""Measurement files (CSV or XLSX) read into checked rows, judged by content, never by name.

A file has a header row and one measurement per row: the period, optionally the site, the
value and an optional note. Rows are numbered as a spreadsheet numbers them (the header is
row 1), so an error can say "row 7, column value" and the person can find the cell.

Nothing here writes anything: the caller writes the rows only when there are no errors at
all, so a file with one bad row changes nothing. Every cell goes through the input guard
first, so an NHS number or a control character is a row error like any other. Formulas in a workbook are refused, never
evaluated: the value a formula shows is whatever the last program to save it computed, and
it cannot be checked here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from triplewin.core import input_guard, uploads

MAX_BYTES = uploads.MAX_BYTES
# Measurements in one file; the file's size, rows and cells are limited by `uploads`.
MAX_ROWS = 10_000
MAX_NOTE = 500
# Values are stored with four decimal places and at most ten digits before the point.
PLACES = Decimal("0.0001")
LIMIT = Decimal("10000000000")

REQUIRED = ("period", "value")
OPTIONAL = ("site", "note")
TEMPLATE_HEADER = ("period", "site", "value", "note")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class Frequency(StrEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUAL = "annual"


def period_start(day: dt.date, frequency: Frequency) -> dt.date:
    """The first day of the period `day` falls in, so one period has one value.

    Weeks start on Monday. Years are NHS financial years, starting on 1 April.
    """
    if frequency is Frequency.WEEKLY:
        return day - dt.timedelta(days=day.weekday())
    if frequency is Frequency.MONTHLY:
        return day.replace(day=1)
    if frequency is Frequency.QUARTERLY:
        return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return dt.date(day.year if day.month >= 4 else day.year - 1, 4, 1)


def period_label(start: dt.date, frequency: Frequency) -> str:
    if frequency is Frequency.WEEKLY:
        return f"Week from {start.day} {start:%b %Y}"
    if frequency is Frequency.MONTHLY:
        return f"{start:%B %Y}"
    if frequency is Frequency.QUARTERLY:
        end = dt.date(start.year, start.month + 2, 1)
        return f"{start:%b} to {end:%b %Y}"
    return f"{start.year}/{(start.year + 1) % 100:02d}"


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str


@dataclass(frozen=True)
class Row:
    row: int
    period: dt.date
    site: str  # the caller's key for the site, or "" for the whole project
    value: Decimal
    note: str


@dataclass(frozen=True)
class Parsed:
    kind: str = ""
    rows: tuple[Row, ...] = ()
    errors: tuple[RowError, ...] = ()
    # A reason the whole file was refused before any row was read.
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None and not self.errors


def too_large(size: int | None) -> str | None:
    if size is not None and size > MAX_BYTES:
        return (
            f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB. Split it into smaller files."
        )
    return None


@dataclass
class _Cell:
    value: Any
    formula: bool = False
    percent: bool = False


@dataclass
class _Reader:
    sites: Mapping[str, str]
    frequency: Frequency
    today: dt.date
    rows: list[Row] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    seen: dict[tuple[str, dt.date], int] = field(default_factory=dict)

    def header(self, cells: Sequence[_Cell]) -> dict[str, int] | None:
        names = [str(c.value or "").strip().casefold() for c in cells]
        while names and not names[-1]:
            names.pop()
        columns: dict[str, int] = {}
        for index, name in enumerate(names):
            if name not in REQUIRED + OPTIONAL:
                shown = input_guard.safe_text(name) or f"column {index + 1} (no heading)"
                self.errors.append(
                    RowError(
                        1,
                        shown,
                        "This is not a column we read. Use the headings period, site, value "
                        "and note, as in the template.",
                    )
                )
            elif name in columns:
                self.errors.append(RowError(1, name, "This heading appears twice."))
            else:
                columns[name] = index
        for name in REQUIRED:
            if name not in columns:
                self.errors.append(RowError(1, name, f"The header row has no '{name}' column."))
        return None if self.errors else columns

    def row(self, number: int, cells: Sequence[_Cell], columns: Mapping[str, int]) -> None:
        def cell(name: str) -> _Cell:
            index = columns.get(name)
            return cells[index] if index is not None and index < len(cells) else _Cell(None)

        found: dict[str, Any] = {}
        failed = False
        for name in (*REQUIRED, *OPTIONAL):
            c = cell(name)
            if c.formula:
                self.errors.append(
                    RowError(
                        number,
                        name,
                        "This cell holds a formula. Formulas are never run here: copy the "
                        "cells and paste them back as values, then upload again.",
                    )
                )
                failed = True
                continue
            refused = input_guard.cell_messages(c.value)
            if refused:
                self.errors.extend(RowError(number, name, message) for message in refused)
                failed = True
                continue
            try:
                found[name] = _PARSERS[name](self, c)
            except ValueError as error:
                self.errors.append(RowError(number, name, str(error)))
                failed = True
        if failed:
            return
        key = (found["site"], found["period"])
        earlier = self.seen.get(key)
        if earlier is not None:
            where = " and site" if found["site"] else ""
            self.errors.append(
                RowError(
                    number, "period", f"Row {earlier} already gives a value for this period{where}."
                )
            )
            return
        self.seen[key] = number
        self.rows.append(Row(number, found["period"], found["site"], found["value"], found["note"]))

    def period(self, c: _Cell) -> dt.date:
        value = c.value
        day: dt.date | None = None
        if isinstance(value, dt.datetime):
            day = value.date()
        elif isinstance(value, dt.date):
            day = value
        elif isinstance(value, str) and value.strip():
            day = _parse_date(value.strip())
        elif _blank(value):
            raise ValueError("Enter the date of the period.")
        if day is None:
            raise ValueError("Enter the period as a date, like 2025-04-01 or 01/04/2025.")
        if day > self.today:
            raise ValueError("This period is in the future.")
        problem = input_guard.date_problem(day)
        if problem:
            raise ValueError(problem)
        return period_start(day, self.frequency)

    def value(self, c: _Cell) -> Decimal:
        raw = c.value
        if _blank(raw):
            raise ValueError("Enter a value.")
        if isinstance(raw, bool):
            raise ValueError("Enter a number, not TRUE or FALSE.")
        if isinstance(raw, int | float):
            number = Decimal(str(raw))
            if c.percent:
                # The cell shows 65% but holds 0.65: keep what the person sees.
                number *= 100
        else:
            text = str(raw).strip().replace(",", "").removesuffix("%").strip()
            try:
                number = Decimal(text)
            except InvalidOperation:
                raise ValueError("Enter a number, like 42 or 87.5.") from None
        if not number.is_finite():
            raise ValueError("Enter a number, like 42 or 87.5.")
        if abs(number) >= LIMIT:
            raise ValueError("This number is too large.")
        return number.quantize(PLACES, rounding=ROUND_HALF_UP)

    def site(self, c: _Cell) -> str:
        if _blank(c.value):
            return ""
        name = str(c.value).strip()
        key = self.sites.get(name.casefold())
        if key is None:
            if not self.sites:
                raise ValueError(
                    "This project has no sites. Leave the site empty, or add the site first."
                )
            raise ValueError(f"There is no site called '{name}' in this project.")
        return key

    def note(self, c: _Cell) -> str:
        text = "" if _blank(c.value) else str(c.value).strip()
        if len(text) > MAX_NOTE:
            raise ValueError(f"Keep the note under {MAX_NOTE} characters.")
        return text


_PARSERS = {
    "period": _Reader.period,
    "value": _Reader.value,
    "site": _Reader.site,
    "note": _Reader.note,
}


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _parse_date(text: str) -> dt.date | None:
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _csv_rows(content: bytes) -> Iterator[list[_Cell]]:
    for _, record in uploads.csv_records(content.decode("utf-8-sig")):
        # A CSV cell starting with = is a formula to any spreadsheet that opens the file.
        yield [_Cell(v, formula=v.lstrip().startswith("=")) for v in record]


def _xlsx_rows(content: bytes) -> Iterator[list[_Cell]]:
    for row in uploads.xlsx_rows(content):
        yield [
            _Cell(
                c.value,
                formula=getattr(c, "data_type", "") == "f",
                percent="%" in str(getattr(c, "number_format", "") or ""),
            )
            for c in row
        ]


def _kind(content: bytes) -> tuple[str, str | None]:
    if not content:
        return "", "The file is empty."
    if content.startswith(ZIP_MAGIC):
        return "xlsx", None
    if content.startswith(OLE_MAGIC):
        return "", (
            "This is an old-style Excel file (.xls) or a password-protected workbook. "
            "Save it as an Excel workbook (.xlsx) without a password, or as CSV UTF-8."
        )
    if b"\x00" in content[:8192]:
        return "", "The file is not a CSV or Excel workbook. Upload a .csv or .xlsx file."
    try:
        content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "", (
            "The file is not UTF-8 text. In Excel, save it as 'CSV UTF-8 (comma delimited)', "
            "or upload the workbook itself."
        )
    return "csv", None


def read(
    content: bytes, *, sites: Mapping[str, str], frequency: Frequency, today: dt.date
) -> Parsed:
    """Every row checked; `sites` maps each site's name or code, casefolded, to its key."""
    problem = too_large(len(content))
    if problem:
        return Parsed(problem=problem)
    kind, problem = _kind(content)
    if problem:
        return Parsed(kind=kind, problem=problem)
    reader = _Reader(sites=sites, frequency=frequency, today=today)
    rows: Iterable[list[_Cell]] = _csv_rows(content) if kind == "csv" else _xlsx_rows(content)
    try:
        columns: dict[str, int] | None = None
        read_rows = 0
        for number, cells in enumerate(rows, start=1):
            if columns is None:
                if number == 1 and all(_blank(c.value) for c in cells):
                    return Parsed(kind=kind, problem="The first row must hold the column headings.")
                columns = reader.header(cells)
                if columns is None:
                    break
                continue
            if all(_blank(c.value) for c in cells):
                continue
            read_rows += 1
            if read_rows > MAX_ROWS:
                return Parsed(
                    kind=kind,
                    problem=f"The file has more than {MAX_ROWS:,} rows. Split it into smaller files.",
                )
            reader.row(number, cells, columns)
    except uploads.Refused as refused:
        return Parsed(kind=kind, problem=str(refused))
    if columns is None and not reader.errors:
        return Parsed(kind=kind, problem="The file has no header row.")
    if not reader.errors and not reader.rows:
        return Parsed(kind=kind, problem="The file has headings but no measurements.")
    return Parsed(kind=kind, rows=tuple(reader.rows), errors=tuple(reader.errors))


def read_records(
    records: Sequence[Mapping[str, Any]],
    *,
    sites: Mapping[str, str],
    frequency: Frequency,
    today: dt.date,
) -> Parsed:
    """Measurements sent as data (the API), checked exactly as a file's rows are.

    Each record has the template's keys (period, site, value, note). Rows are numbered from
    1 in the order given, so "row 3" is the third record.
    """
    if not records:
        return Parsed(kind="json", problem="Send at least one reading.")
    if len(records) > MAX_ROWS:
        return Parsed(
            kind="json",
            problem=f"Send at most {MAX_ROWS:,} readings at once. Split them into batches.",
        )
    reader = _Reader(sites=sites, frequency=frequency, today=today)
    columns = {name: index for index, name in enumerate(TEMPLATE_HEADER)}
    for number, record in enumerate(records, start=1):
        reader.row(number, [_Cell(record.get(name)) for name in TEMPLATE_HEADER], columns)
    return Parsed(kind="json", rows=tuple(reader.rows), errors=tuple(reader.errors))
