"""Reading and writing case-study files (CSV and JSON), with line numbers for every record.

Reading is strict about the file and generous about each record: a file that is not what it
claims to be is refused outright (`FileProblem`), while a readable file yields every record
with the line it starts on, so `validate` can report each bad row next to its line and field.
Writing passes every text through `safe_text`, so an export never carries a control character
or a readable NHS number stored before the input guard existed.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from triplewin.core import uploads
from triplewin.core.input_guard import safe_text
from triplewin.core.library.records import (
    FIELDS,
    REQUIRED,
    CaseStudyRecord,
    to_cells,
    to_json_ready,
)
from triplewin.core.library.spreadsheet import neutralise, restore
from triplewin.core.library.validation import parse_record

MAX_BYTES: Final = uploads.MAX_BYTES
MAX_RECORDS: Final = 2000

# The file as a whole cannot be read; nothing in it is looked at further. The same error as
# the upload limits raise, so one `except` catches a refusal from either.
FileProblem = uploads.Refused


@dataclass(frozen=True)
class RawRecord:
    line: int
    values: dict[str, Any]


@dataclass(frozen=True)
class RowProblem:
    record: int
    line: int
    field: str
    message: str


@dataclass(frozen=True)
class Entry:
    """A valid record and where it came from: its position in the file and its first line."""

    number: int
    line: int
    record: CaseStudyRecord


@dataclass(frozen=True)
class Validated:
    entries: tuple[Entry, ...]
    problems: tuple[RowProblem, ...]

    @property
    def records(self) -> tuple[CaseStudyRecord, ...]:
        return tuple(e.record for e in self.entries)

    @property
    def ok(self) -> bool:
        return not self.problems


def decode(data: bytes) -> str:
    """UTF-8 text (a byte-order mark is allowed); anything else is refused by content."""
    if len(data) > MAX_BYTES:
        raise FileProblem(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    if not data.strip():
        raise FileProblem("The file is empty.")
    if b"\x00" in data:
        raise FileProblem(
            "The file is not text: it looks like a binary file such as a spreadsheet or a PDF."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileProblem(
            f"The file is not UTF-8 text (the first problem is on line {line}). Save it as "
            "'CSV UTF-8' or as UTF-8 JSON and try again."
        ) from None


def sniff(text: str) -> str:
    """'json' when the content is JSON-shaped, otherwise 'csv'."""
    return "json" if text.lstrip()[:1] in ("[", "{") else "csv"


def read_csv(text: str) -> list[RawRecord]:
    lines = uploads.csv_records(text)
    try:
        _, first = next(lines)
    except StopIteration:
        raise FileProblem("The file is empty.") from None
    header = [restore(h).strip() for h in first]
    unknown = [h for h in header if h not in FIELDS]
    if unknown:
        raise FileProblem(
            f"Line 1 has columns Triple Win does not know: {', '.join(unknown)}. "
            f"The columns are: {', '.join(FIELDS)}."
        )
    missing = [f for f in REQUIRED if f not in header]
    if missing:
        raise FileProblem(f"Line 1 is missing the required columns: {', '.join(missing)}.")
    if len(set(header)) != len(header):
        raise FileProblem("Line 1 names a column twice.")
    records: list[RawRecord] = []
    for start, row in lines:
        if any(cell.strip() for cell in row):
            if len(row) != len(header):
                raise FileProblem(
                    f"The record starting on line {start} has {len(row)} cells but the "
                    f"header has {len(header)}."
                )
            values = {name: restore(cell) for name, cell in zip(header, row, strict=True)}
            records.append(RawRecord(start, values))
            if len(records) > MAX_RECORDS:
                raise FileProblem(f"A file may hold at most {MAX_RECORDS} case studies.")
    if not records:
        raise FileProblem("The file has a header but no case studies.")
    return records


def read_json(text: str) -> list[RawRecord]:
    """A JSON array of objects; each object's line is where its opening brace is."""
    uploads.check_json_nesting(text)
    decoder = json.JSONDecoder()
    position = _skip_space(text, 0)
    if text[position : position + 1] != "[":
        raise FileProblem("The JSON must be a list of case studies, starting with [.")
    position = _skip_space(text, position + 1)
    records: list[RawRecord] = []
    while text[position : position + 1] != "]":
        line = text.count("\n", 0, position) + 1
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            raise FileProblem(
                f"The JSON is not valid on line {error.lineno}: {error.msg}."
            ) from None
        if not isinstance(value, dict):
            raise FileProblem(f"Line {line}: each case study must be a JSON object {{...}}.")
        records.append(RawRecord(line, value))
        if len(records) > MAX_RECORDS:
            raise FileProblem(f"A file may hold at most {MAX_RECORDS} case studies.")
        position = _skip_space(text, position)
        if text[position : position + 1] == ",":
            position = _skip_space(text, position + 1)
            if text[position : position + 1] == "]":
                line = text.count("\n", 0, position) + 1
                raise FileProblem(f"The JSON is not valid on line {line}: a comma before ].")
        elif text[position : position + 1] != "]":
            line = text.count("\n", 0, position) + 1
            raise FileProblem(f"The JSON is not valid on line {line}: expected , or ].")
    if _skip_space(text, position + 1) != len(text):
        raise FileProblem("There is more text after the end of the JSON list.")
    if not records:
        raise FileProblem("The JSON list is empty.")
    return records


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def read(data: bytes, *, filename: str = "") -> list[RawRecord]:
    """Decode, check the content matches the file's name, and read the records."""
    text = decode(data)
    kind = sniff(text)
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if suffix in ("csv", "json") and suffix != kind:
        raise FileProblem(
            f"The file is named .{suffix} but its content is {kind.upper()}. Check you chose the right file."
        )
    if suffix not in ("csv", "json", ""):
        raise FileProblem("Choose a .csv or .json file.")
    return read_json(text) if kind == "json" else read_csv(text)


def validate(raw_records: Sequence[RawRecord]) -> Validated:
    entries: list[Entry] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(raw_records, start=1):
        record, found = parse_record(raw.values)
        problems.extend(RowProblem(number, raw.line, p.field, p.message) for p in found)
        if record is None:
            continue
        for name, value in (("title", record.title.casefold()), ("key", record.key)):
            marker = f"{name}:{value}"
            if value and marker in seen:
                problems.append(
                    RowProblem(
                        number, raw.line, name, f"The same {name} is also on line {seen[marker]}."
                    )
                )
            seen.setdefault(marker, raw.line)
        entries.append(Entry(number, raw.line, record))
    return Validated(tuple(entries), tuple(problems))


def write_csv(records: Iterable[CaseStudyRecord]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FIELDS)
    for record in records:
        cells = to_cells(record)
        writer.writerow([neutralise(safe_text(cells[name])) for name in FIELDS])
    return out.getvalue()


def _safe(value: Any) -> Any:
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, dict):
        return {key: _safe(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_safe(item) for item in value]
    return value


def write_json(records: Iterable[CaseStudyRecord]) -> str:
    ready = [_safe(to_json_ready(r)) for r in records]
    return json.dumps(ready, ensure_ascii=False, indent=2) + "\n"
