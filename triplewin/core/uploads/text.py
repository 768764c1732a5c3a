"""Reading uploaded CSV and JSON within the limits, before any record is looked at."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from itertools import accumulate

from triplewin.core.uploads.caps import (
    MAX_COLUMNS,
    MAX_CSV_FIELD,
    MAX_JSON_DEPTH,
    MAX_ROWS,
    Refused,
)

TOO_MANY_ROWS = (
    f"This file has more than {MAX_ROWS:,} rows, counting blank ones. Remove the empty rows "
    "and upload it again, or split it into smaller files."
)
TOO_MANY_COLUMNS = (
    f"Line {{line}} has more than {MAX_COLUMNS} columns, counting empty ones. Remove the empty "
    "columns and upload the file again."
)
FIELD_TOO_LONG = (
    f"A cell on line {{line}} holds more than {MAX_CSV_FIELD:,} characters. Check its quotes: "
    "a missing closing quote joins every line after it into one cell."
)


def csv_records(text: str) -> Iterator[tuple[int, list[str]]]:
    """Each CSV record with the line it starts on; blank lines are records too, and count.

    Raises `Refused` when a limit is passed or the CSV cannot be read, before going further.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    line = 1
    try:
        for count, record in enumerate(reader, start=1):
            if count > MAX_ROWS:
                raise Refused(TOO_MANY_ROWS)
            if len(record) > MAX_COLUMNS:
                raise Refused(TOO_MANY_COLUMNS.format(line=line))
            if record and max(map(len, record)) > MAX_CSV_FIELD:
                raise Refused(FIELD_TOO_LONG.format(line=line))
            yield line, record
            line = reader.line_num + 1
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise Refused(FIELD_TOO_LONG.format(line=line)) from None
        raise Refused(f"The CSV could not be read near line {reader.line_num}: {error}.") from None


# A JSON string with its escapes: removed first, so brackets inside strings are not counted.
_STRINGS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def check_json_nesting(text: str) -> None:
    """Refuse JSON nested deeper than the limit, before a recursive parser sees it.

    Every step runs in C (regular expressions, `accumulate`, `max`), so a 5 MB file of
    brackets is measured in a fraction of a second, where the parser would recurse out.
    """
    brackets = _NOT_BRACKETS.sub("", _STRINGS.sub("", text))
    if brackets and max(accumulate(map(_STEP.__getitem__, brackets))) > MAX_JSON_DEPTH:
        raise Refused(
            f"The JSON has lists or objects nested more than {MAX_JSON_DEPTH} deep, so it was "
            "not read. Files exported from Triple Win nest four deep at most."
        )
