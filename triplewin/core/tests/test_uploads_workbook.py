"""Opening uploaded workbooks: each limit refuses with its message, and good files read whole."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections.abc import Callable

import pytest
from openpyxl import Workbook

from tests import hostile_files as hostile
from triplewin.core.uploads import Refused, caps, workbook, xlsx_rows


def values(content: bytes) -> list[list[object]]:
    return [[cell.value for cell in row] for row in xlsx_rows(content)]


def refusal(content: bytes) -> str:
    with pytest.raises(Refused) as caught:
        list(xlsx_rows(content))
    return str(caught.value)


def saved(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_workbook_from_openpyxl_reads_every_row_blank_ones_included() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["period", "value", "note"])
    sheet.append([dt.datetime(2024, 1, 1), 41, "first"])
    sheet.append([])
    sheet.append([dt.datetime(2024, 3, 1), 44.5, None])
    assert values(saved(book)) == [
        ["period", "value", "note"],
        [dt.datetime(2024, 1, 1), 41, "first"],
        [None, None, None],
        [dt.datetime(2024, 3, 1), 44.5, None],
    ]


def test_rows_are_as_wide_as_the_data_not_as_the_sheet_claims() -> None:
    # The sheet's dimension says A1:XFD1048576; openpyxl alone pads every row to 16,384 cells.
    assert values(hostile.workbook()) == [["period", "value"], ["2024-01-01", 41]]


def test_millions_of_blank_rows_are_refused_by_counting_them() -> None:
    content = hostile.blank_rows_xlsx()
    assert len(content) < 100_000
    message = refusal(content)
    assert message == (
        "This spreadsheet has more than 100,000 rows, counting blank ones. Remove the empty "
        "rows below your data (select them, then Delete Sheet Rows), save and upload it again."
    )


def test_one_row_numbered_far_down_counts_as_every_row_above_it() -> None:
    assert "more than 100,000 rows, counting blank ones" in refusal(hostile.far_row_xlsx())


def test_rows_that_repeat_one_number_are_counted_too() -> None:
    content = hostile.workbook(['<row r="3"/>'] * caps.MAX_ROWS)
    assert "more than 100,000 rows, counting blank ones" in refusal(content)


def test_the_row_limit_is_exact() -> None:
    at_limit = hostile.workbook(["<row/>"] * (caps.MAX_ROWS - 2))
    assert len(values(at_limit)) == caps.MAX_ROWS
    over = hostile.workbook(["<row/>"] * (caps.MAX_ROWS - 1))
    assert "more than 100,000 rows" in refusal(over)


def test_the_column_limit_counts_empty_columns() -> None:
    # Column CV is the 100th, CW the 101st.
    at_limit = hostile.workbook(['<row r="3"><c r="CV3"><v>1</v></c></row>'])
    assert len(values(at_limit)[0]) == caps.MAX_COLUMNS
    over = hostile.workbook(['<row r="3"><c r="CW3"/></row>'])
    assert "more than 100 columns, counting blank ones" in refusal(over)
    unnumbered = hostile.workbook(["<row>" + "<c/>" * 101 + "</row>"])
    assert "more than 100 columns" in refusal(unnumbered)


@pytest.mark.parametrize(
    "where",
    [
        lambda text: hostile.workbook([f'<row><c t="inlineStr"><is><t>{text}</t></is></c></row>']),
        lambda text: hostile.workbook(
            ['<row><c t="s"><v>0</v></c></row>'],
            shared_strings=[f'<sst xmlns="{hostile.MAIN}"><si><t>{text}</t></si></sst>'],
        ),
    ],
    ids=["inline", "shared"],
)
def test_a_cell_longer_than_excel_allows_is_refused(where: Callable[[str], bytes]) -> None:
    assert values(where("x" * caps.MAX_XLSX_CELL))[2][0] == "x" * caps.MAX_XLSX_CELL
    assert "more than 32,767 characters" in refusal(where("x" * (caps.MAX_XLSX_CELL + 1)))


def test_a_huge_table_of_text_is_refused_before_it_is_read() -> None:
    content = hostile.shared_strings_xlsx()
    assert len(content) < caps.MAX_BYTES
    assert refusal(content) == (
        "The workbook's table of text (its shared strings) is larger than 8 MB. Copy just the "
        "rows you need into a new workbook and upload that."
    )


def test_a_table_of_many_short_texts_is_refused_by_counting_them() -> None:
    entries = "".join(f"<si><t>{n}</t></si>" for n in range(caps.MAX_PART_ITEMS // 2))
    content = hostile.workbook(shared_strings=[f'<sst xmlns="{hostile.MAIN}">{entries}</sst>'])
    assert "more than 40,000 pieces of text, styles and settings" in refusal(content)


def test_too_many_cells_in_the_sheets_are_refused() -> None:
    content = hostile.workbook(["<row>" + "<c/>" * 50 + "</row>"] * 4_000)
    assert "hold more than 200,000 cells, values and other entries" in refusal(content)


def test_a_zip_bomb_is_refused_from_the_directory_alone() -> None:
    content = hostile.zip_bomb_xlsx()
    assert len(content) < 200_000
    message = refusal(content)
    assert message.startswith("The file is compressed more than 100 times over")
    assert (
        "It may be a zip bomb, a file built to exhaust a server, so it was not opened." in message
    )


def test_a_workbook_too_large_once_unpacked_but_not_a_bomb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workbook, "MAX_XLSX_UNPACKED", 1024 * 1024)
    content = hostile.workbook(extra={"xl/media/photo.jpg": [os.urandom(1024 * 1024)]})
    assert refusal(content) == (
        "The workbook is larger than 1 MB once unpacked. Split it into smaller files."
    )


def test_too_many_members() -> None:
    extra = {f"xl/media/{n}.bin": [b""] for n in range(caps.MAX_XLSX_MEMBERS)}
    assert "more than 1,000 files inside it" in refusal(hostile.workbook(extra=extra))


def test_a_part_with_a_doctype_is_refused_so_entities_never_expand() -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f'<sst xmlns="{hostile.MAIN}"><si><t>&b;</t></si></sst>'
    )
    assert "could not be opened; it may be damaged" in refusal(
        hostile.workbook(shared_strings=[laughs])
    )


@pytest.mark.parametrize(
    "sheet_rows",
    [
        ["<row><c><v>1</c></row>"],  # not well formed
        ['<row r="2.5"/>'],
        ['<row><c r="12"/></row>'],
    ],
)
def test_damaged_sheets(sheet_rows: list[str]) -> None:
    assert "could not be opened; it may be damaged" in refusal(hostile.workbook(sheet_rows))


def test_not_a_workbook_and_not_a_zip() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert "not an Excel workbook" in refusal(buffer.getvalue())
    assert "may be damaged" in refusal(b"PK\x03\x04 not really a zip")


def test_a_member_with_a_password() -> None:
    content = bytearray(hostile.workbook())
    central = content.find(b"PK\x01\x02")
    content[central + 8] |= 0x1  # the central directory's "encrypted" flag
    assert "protected by a password" in refusal(bytes(content))


def test_binary_parts_such_as_pictures_are_not_scanned_as_xml() -> None:
    content = hostile.workbook(extra={"xl/media/image1.png": [b"\x89PNG\r\n\x1a\n" + b"<" * 100]})
    assert values(content)[0] == ["period", "value"]
