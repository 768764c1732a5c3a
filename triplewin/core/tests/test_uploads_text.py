"""Reading uploaded CSV and JSON within the limits."""

from __future__ import annotations

import json

import pytest

from tests import hostile_files as hostile
from triplewin.core.uploads import Refused, caps, check_json_nesting, csv_records


def records(text: str) -> list[tuple[int, list[str]]]:
    return list(csv_records(text))


def refusal(text: str) -> str:
    with pytest.raises(Refused) as caught:
        records(text)
    return str(caught.value)


def test_records_know_the_line_they_start_on_and_blank_lines_are_records() -> None:
    text = 'a,b\n\n"two\nlines",x\nlast,y\n'
    assert records(text) == [(1, ["a", "b"]), (2, []), (3, ["two\nlines", "x"]), (5, ["last", "y"])]


def test_millions_of_blank_lines_are_refused_by_counting_them() -> None:
    message = refusal(hostile.long_csv().decode())
    assert message == (
        "This file has more than 100,000 rows, counting blank ones. Remove the empty rows and "
        "upload it again, or split it into smaller files."
    )


def test_the_row_limit_is_exact() -> None:
    assert len(records("\n" * caps.MAX_ROWS)) == caps.MAX_ROWS
    assert "more than 100,000 rows" in refusal("\n" * (caps.MAX_ROWS + 1))


def test_the_column_limit_counts_empty_columns() -> None:
    assert len(records("a" + "," * (caps.MAX_COLUMNS - 1))[0][1]) == caps.MAX_COLUMNS
    assert refusal("a,b\nc" + "," * caps.MAX_COLUMNS) == (
        "Line 2 has more than 100 columns, counting empty ones. Remove the empty columns and "
        "upload the file again."
    )


def test_the_field_limit() -> None:
    assert records("x" * caps.MAX_CSV_FIELD)[0][1][0] == "x" * caps.MAX_CSV_FIELD
    assert "A cell on line 1 holds more than 131,072 characters" in refusal(
        "x" * (caps.MAX_CSV_FIELD + 1)
    )


def test_a_missing_closing_quote_is_named() -> None:
    text = 'title,summary\nA,"never closed\n' + "more text,\n" * 20_000
    assert "A cell on line 2 holds more than 131,072 characters. Check its quotes" in refusal(text)


def test_broken_quoting_says_where() -> None:
    assert refusal('a,b\nc,"d"e\n').startswith("The CSV could not be read near line 2:")


def test_deeply_nested_json_is_refused_before_it_is_parsed() -> None:
    text = hostile.nested_json().decode()
    with pytest.raises(RecursionError):
        json.loads(text)
    with pytest.raises(Refused, match="nested more than 20 deep, so it was not read"):
        check_json_nesting(text)


def test_the_nesting_limit_is_exact_and_strings_do_not_count() -> None:
    check_json_nesting("[" * caps.MAX_JSON_DEPTH + "]" * caps.MAX_JSON_DEPTH)
    with pytest.raises(Refused):
        check_json_nesting("[" * (caps.MAX_JSON_DEPTH + 1))
    check_json_nesting(json.dumps([{"title": "[" * 100, "note": 'a "quoted [[[ { part'}]))
    with pytest.raises(Refused):
        check_json_nesting('["\\\\"' + "," + "[" * caps.MAX_JSON_DEPTH + "]")
