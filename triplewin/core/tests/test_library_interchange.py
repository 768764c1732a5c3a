"""CSV and JSON files: reading with line numbers, refusing non-text, and safe exports."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triplewin.core.library import interchange
from triplewin.core.library.spreadsheet import FORMULA_STARTS, neutralise, restore
from triplewin.core.library.validation import parse_record

ROW = {
    "title": "Heart failure case finding",
    "status": "published",
    "summary": "Searches found people at risk.",
    "setting": "primary",
    "nation": "england",
    "therapy_areas": "cardiovascular",
    "objectives": "Find 200 people.",
    "partners": "nhs | A Trust | Time\nindustry | A Company | Money",
}


def csv_bytes(rows, header=None):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header or list(ROW))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def test_csv_records_know_the_line_they_start_on():
    second = {**ROW, "title": "Second"}
    records = interchange.read(csv_bytes([ROW, second]), filename="x.csv")
    # The first record's partners cell spans two physical lines.
    assert [r.line for r in records] == [2, 4]
    checked = interchange.validate(records)
    assert checked.ok
    assert [e.record.title for e in checked.entries] == ["Heart failure case finding", "Second"]


def test_problems_carry_record_number_line_and_field():
    bad = {**ROW, "title": "Bad", "setting": "moon"}
    checked = interchange.validate(interchange.read(csv_bytes([ROW, bad]), filename="x.csv"))
    assert not checked.ok
    assert [(p.record, p.line, p.field) for p in checked.problems] == [(2, 4, "setting")]


def test_duplicate_titles_in_one_file_are_refused():
    checked = interchange.validate(interchange.read(csv_bytes([ROW, ROW]), filename="x.csv"))
    assert [(p.line, p.field) for p in checked.problems] == [(4, "title")]


def test_json_records_know_their_line():
    text = '[\n  {"title": "A"},\n\n  {\n    "title": "B"\n  }\n]\n'
    assert [r.line for r in interchange.read_json(text)] == [2, 4]


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "x.csv", "empty"),
        (b"%PDF-1.7\n\x00\x01binary", "x.csv", "not text"),
        ("title\nCaf\u00e9".encode("latin-1"), "x.csv", "not UTF-8"),
        (b'[{"title": "A"}]', "x.csv", "content is JSON"),
        (b"title,status\nA,published\n", "x.json", "content is CSV"),
        (b"title,status\nA,draft\n", "x.txt", "Choose a .csv or .json"),
        (b"title,colour\nA,red\n", "x.csv", "does not know: colour"),
        (b"title\nA\n", "x.csv", "missing the required columns"),
        (b"[1, 2]", "x.json", "must be a JSON object"),
        (b'{"title": "A"}', "x.json", "must be a list"),
        (b'[{"title": "A"},]', "x.json", "not valid"),
        (b'[{"title": "A"}] trailing', "x.json", "more text"),
        (b"[]", "x.json", "empty"),
    ],
)
def test_files_that_are_not_what_they_claim_are_refused(data, filename, message):
    with pytest.raises(interchange.FileProblem, match=message):
        interchange.read(data, filename=filename)


def test_oversized_files_are_refused_before_reading():
    with pytest.raises(interchange.FileProblem, match="larger than 5 MB"):
        interchange.decode(b"a" * (interchange.MAX_BYTES + 1))


def test_a_byte_order_mark_is_allowed():
    records = interchange.read(b"\xef\xbb\xbf" + csv_bytes([ROW]), filename="x.csv")
    assert records[0].values["title"] == ROW["title"]


def test_ragged_rows_are_refused():
    data = csv_bytes([ROW]) + b"only,three,cells\n"
    with pytest.raises(interchange.FileProblem, match="line 4 has 3 cells"):
        interchange.read(data, filename="x.csv")


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_formula_cells_are_neutralised_and_restored(start):
    cell = f'{start}HYPERLINK("http://evil")'
    assert neutralise(cell) == f"'{cell}"
    assert restore(neutralise(cell)) == cell


def test_plain_cells_are_left_alone():
    assert neutralise("Asthma") == "Asthma"
    assert restore("'quoted on purpose") == "'quoted on purpose"


@given(st.text(max_size=40))
def test_restore_undoes_neutralise(cell):
    assert restore(neutralise(cell)) == cell


def test_exported_csv_has_no_live_formulas_and_reads_back_unchanged():
    record, _ = parse_record(
        {**ROW, "summary": "=cmd|' /C calc'!A0", "objectives": "-2 admissions"}
    )
    assert record is not None
    exported = interchange.write_csv([record])
    rows = list(csv.reader(io.StringIO(exported)))
    for cell in rows[1]:
        assert not cell.startswith(FORMULA_STARTS)
    assert rows[1][rows[0].index("summary")] == "'=cmd|' /C calc'!A0"
    back = interchange.validate(interchange.read(exported.encode(), filename="x.csv"))
    assert back.ok
    assert back.records == (record,)


def test_json_export_reads_back_unchanged():
    record, _ = parse_record({**ROW, "outcomes": "Tests | tests | 6475 | 18067 | 2021 to 2024 |"})
    assert record is not None
    exported = interchange.write_json([record])
    assert json.loads(exported)[0]["outcomes"][0]["after"] == 18067
    assert interchange.validate(interchange.read(exported.encode(), filename="x.json")).records == (
        record,
    )


def test_every_field_and_entry_goes_through_the_input_guard():
    bad = {
        **ROW,
        "title": "Bell\x07 in the title",
        "summary": "One patient, 943 476 5919, was seen.",
        "partners": "nhs | A Trust 943-476-5919 | Time\nindustry | A Company | Money",
        "objectives": "Find people; Mrs Smith of LN2 5QY first.",
    }
    checked = interchange.validate(interchange.read(csv_bytes([bad]), filename="x.csv"))
    assert checked.entries == ()
    problems = {p.field: p.message for p in checked.problems}
    assert set(problems) == {"title", "summary", "partners", "objectives"}
    assert "(bell, U+0007)" in problems["title"]
    assert problems["summary"].startswith("This looks like an NHS number: 943 *** **19.")
    assert problems["partners"].startswith("This looks like an NHS number")
    assert "A file cannot carry that confirmation" in problems["objectives"]


def test_json_entries_are_guarded_too():
    record = {**ROW, "partners": [{"name": "A Trust", "sector": "nhs", "contribution": 9434765919}]}
    checked = interchange.validate(
        interchange.read(json.dumps([record]).encode(), filename="x.json")
    )
    assert [p.field for p in checked.problems] == ["partners"]


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1900-05-01"])
def test_implausible_dates_are_refused(day):
    _, problems = parse_record({**ROW, "start_date": day})
    assert [p.field for p in problems] == ["start_date"]
    assert problems[0].message.startswith("Enter a date between 1 January 1990")


def test_exports_mask_legacy_identifiers_and_drop_control_characters():
    # Stored before the guard existed: built directly, as the database would hand it over.
    record, _ = parse_record(ROW)
    assert record is not None
    legacy = dataclasses.replace(
        record, title="Old\x1b title", background="Seen 943 476 5919 in clinic."
    )
    for text in (interchange.write_csv([legacy]), interchange.write_json([legacy])):
        assert "943 476 5919" not in text
        assert "943 *** **19" in text
        assert "\x1b" not in text
        assert "Old title" in text


def test_editing_pages_confirm_warnings_themselves_but_never_an_nhs_number():
    warned = {**ROW, "objectives": "Mrs Smith of LN2 5QY first."}
    assert parse_record(warned)[1] != []
    assert parse_record(warned, warnings=False)[1] == []
    refused = {**ROW, "objectives": "NHS 943 476 5919"}
    assert [p.field for p in parse_record(refused, warnings=False)[1]] == ["objectives"]
