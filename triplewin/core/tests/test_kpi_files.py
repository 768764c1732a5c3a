"""Reading measurement files: good files, bad rows with their row and column, refused files."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from triplewin.core import kpi_files
from triplewin.core.kpi_files import Frequency, RowError

TODAY = dt.date(2025, 6, 30)
SITES = {"north clinic": "1", "nc": "1", "south clinic": "2"}


def read(content: bytes, frequency: Frequency = Frequency.MONTHLY) -> kpi_files.Parsed:
    return kpi_files.read(content, sites=SITES, frequency=frequency, today=TODAY)


def workbook(rows: list[list[object]], *, percent_column: int | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if percent_column is not None:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=percent_column, max_col=percent_column):
            cell.number_format = "0%"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_good_csv_file() -> None:
    content = (
        "\ufeffPeriod,Site,Value,Note\r\n"
        '2025-01-15,North Clinic,"1,204",First month\r\n'
        ",,,\r\n"
        "01/02/2025,nc,65%,\r\n"
        "2025-03-01,,12.5,Whole project\r\n"
    ).encode()
    parsed = read(content)
    assert parsed.ok
    assert parsed.kind == "csv"
    assert [(r.row, r.period, r.site, r.value, r.note) for r in parsed.rows] == [
        (2, dt.date(2025, 1, 1), "1", Decimal("1204.0000"), "First month"),
        (4, dt.date(2025, 2, 1), "1", Decimal("65.0000"), ""),
        (5, dt.date(2025, 3, 1), "", Decimal("12.5000"), "Whole project"),
    ]


def test_columns_may_come_in_any_order_and_site_and_note_are_optional() -> None:
    parsed = read(b"value,period\n3,2025-05-05\n")
    assert parsed.ok
    assert parsed.rows[0].value == Decimal(3)
    assert parsed.rows[0].site == ""


def test_a_good_workbook_with_dates_and_percentages() -> None:
    content = workbook(
        [
            ["period", "site", "value", "note"],
            [dt.datetime(2025, 4, 9), "South Clinic", 0.875, "shown as 88%"],
            ["2025-05-01", None, 0.9, None],
        ],
        percent_column=3,
    )
    parsed = read(content, Frequency.QUARTERLY)
    assert parsed.ok, parsed.errors
    assert parsed.kind == "xlsx"
    assert [(r.period, r.site, r.value) for r in parsed.rows] == [
        (dt.date(2025, 4, 1), "2", Decimal("87.5000")),
        (dt.date(2025, 4, 1), "", Decimal("90.0000")),
    ]


def test_bad_rows_are_reported_with_row_and_column() -> None:
    content = (
        b"period,site,value,note\n"
        b"2025-01-01,North Clinic,10,\n"
        b"2025-02-01,North Clinic,ten,\n"
        b"2025-03-01,East Clinic,12,\n"
        b"31/13/2025,,12,\n"
        b"2025-01-20,nc,11,\n"
    )
    parsed = read(content)
    assert not parsed.ok
    assert [(e.row, e.column) for e in parsed.errors] == [
        (3, "value"),
        (4, "site"),
        (5, "period"),
        (6, "period"),
    ]
    assert "no site called 'East Clinic'" in parsed.errors[1].message
    assert parsed.errors[3].message == "Row 2 already gives a value for this period and site."


def test_header_problems_are_row_one() -> None:
    parsed = read(b"when,valu,site\n2025-01-01,3,\n")
    assert parsed.errors == (
        RowError(1, "when", parsed.errors[0].message),
        RowError(1, "valu", parsed.errors[1].message),
        RowError(1, "period", "The header row has no 'period' column."),
        RowError(1, "value", "The header row has no 'value' column."),
    )
    assert not parsed.rows


def test_future_periods_and_blank_values_are_refused() -> None:
    parsed = read(b"period,value\n2025-07-01,4\n2025-05-01,\n")
    assert [(e.row, e.column, e.message) for e in parsed.errors] == [
        (2, "period", "This period is in the future."),
        (3, "value", "Enter a value."),
    ]


def test_site_given_when_the_project_has_none() -> None:
    parsed = kpi_files.read(
        b"period,site,value\n2025-01-01,Anywhere,1\n",
        sites={},
        frequency=Frequency.MONTHLY,
        today=TODAY,
    )
    assert parsed.errors[0].column == "site"
    assert "has no sites" in parsed.errors[0].message


def test_formula_cells_in_a_workbook_are_refused_not_evaluated() -> None:
    content = workbook(
        [
            ["period", "value", "note"],
            [dt.date(2025, 1, 1), 5, None],
            [dt.date(2025, 2, 1), "=B2*2", None],
            [dt.date(2025, 3, 1), 7, '=HYPERLINK("http://example.test")'],
        ]
    )
    parsed = read(content)
    assert [(e.row, e.column) for e in parsed.errors] == [(3, "value"), (4, "note")]
    assert "formula" in parsed.errors[0].message


def test_formula_text_in_a_csv_is_refused() -> None:
    parsed = read(b"period,value,note\n2025-01-01,=1+1,\n2025-02-01,3,=cmd|' /C calc'!A0\n")
    assert [(e.row, e.column) for e in parsed.errors] == [(2, "value"), (3, "note")]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a CSV or Excel workbook"),
        ("period,value\n2025-01-01,café\n".encode("latin-1"), "not UTF-8"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old-style Excel file"),
        (b"PK\x03\x04 not really a zip", "could not be opened"),
        (b"\n\nperiod,value\n", "first row must hold the column headings"),
        (b"period,value\n", "no measurements"),
    ],
)
def test_files_refused_by_content(content: bytes, expected: str) -> None:
    parsed = read(content)
    assert parsed.problem is not None
    assert expected in parsed.problem
    assert not parsed.rows


def test_a_zip_that_is_not_a_workbook() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    parsed = read(buffer.getvalue())
    assert parsed.problem is not None
    assert "not an Excel workbook" in parsed.problem


def test_oversized_files_are_refused() -> None:
    content = b"period,value\n" + b"2025-01-01,1\n" * (kpi_files.MAX_BYTES // 13 + 1)
    assert len(content) > kpi_files.MAX_BYTES
    parsed = read(content)
    assert parsed.problem is not None
    assert "larger than 5 MB" in parsed.problem
    assert kpi_files.too_large(kpi_files.MAX_BYTES) is None
    assert kpi_files.too_large(kpi_files.MAX_BYTES + 1) is not None


def test_too_many_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kpi_files, "MAX_ROWS", 2)
    parsed = read(b"period,value\n2025-01-01,1\n2025-02-01,1\n2025-03-01,1\n")
    assert parsed.problem is not None
    assert "more than 2 rows" in parsed.problem


@pytest.mark.parametrize(
    ("day", "frequency", "start", "label"),
    [
        (dt.date(2025, 6, 19), Frequency.WEEKLY, dt.date(2025, 6, 16), "Week from 16 Jun 2025"),
        (dt.date(2025, 6, 19), Frequency.MONTHLY, dt.date(2025, 6, 1), "June 2025"),
        (dt.date(2025, 6, 19), Frequency.QUARTERLY, dt.date(2025, 4, 1), "Apr to Jun 2025"),
        (dt.date(2025, 12, 31), Frequency.QUARTERLY, dt.date(2025, 10, 1), "Oct to Dec 2025"),
        (dt.date(2025, 6, 19), Frequency.ANNUAL, dt.date(2025, 4, 1), "2025/26"),
        (dt.date(2026, 3, 31), Frequency.ANNUAL, dt.date(2025, 4, 1), "2025/26"),
        (dt.date(1999, 4, 1), Frequency.ANNUAL, dt.date(1999, 4, 1), "1999/00"),
    ],
)
def test_periods(day: dt.date, frequency: Frequency, start: dt.date, label: str) -> None:
    assert kpi_files.period_start(day, frequency) == start
    assert kpi_files.period_label(start, frequency) == label


measurements = st.lists(
    st.tuples(
        st.dates(min_value=dt.date(2000, 1, 1), max_value=TODAY),
        st.decimals(
            min_value=-1_000_000,
            max_value=1_000_000,
            places=4,
            allow_nan=False,
            allow_infinity=False,
        ),
    ),
    min_size=1,
    max_size=30,
    unique_by=lambda m: m[0],
)


@given(measurements)
def test_what_is_written_is_read_back(rows: list[tuple[dt.date, Decimal]]) -> None:
    text = "period,value\n" + "".join(f"{d.isoformat()},{v}\n" for d, v in rows)
    parsed = kpi_files.read(text.encode(), sites={}, frequency=Frequency.WEEKLY, today=TODAY)
    weeks = {kpi_files.period_start(d, Frequency.WEEKLY) for d, _ in rows}
    if len(weeks) < len(rows):
        # Two dates in one week are one period given twice: refused, never merged.
        assert any(e.column == "period" for e in parsed.errors)
        return
    assert parsed.ok
    assert [r.value for r in parsed.rows] == [v for _, v in rows]


def test_every_cell_goes_through_the_input_guard() -> None:
    content = (
        b"period,site,value,note\n"
        b"2025-01-01,,10,Seen 943 476 5919 twice\n"
        b"2025-02-01,,11,bell\x07here\n"
        b"2025-03-01,,12,DOB 12/03/1948\n"
        b"2025-04-01,943-476-5919,13,\n"
        b"2025-05-01,,14,An ordinary note with 1234567890\n"
    )
    parsed = read(content)
    assert not parsed.ok
    assert [(e.row, e.column) for e in parsed.errors] == [
        (2, "note"),
        (3, "note"),
        (4, "note"),
        (5, "site"),
    ]
    assert parsed.errors[0].message.startswith("This looks like an NHS number: 943 *** **19.")
    assert "(bell, U+0007)" in parsed.errors[1].message
    assert "A file cannot carry that confirmation" in parsed.errors[2].message
    assert all("943 476 5919" not in e.message for e in parsed.errors)


def test_an_nhs_number_saved_as_a_number_in_a_workbook_is_found() -> None:
    parsed = read(workbook([["period", "value", "note"], [dt.date(2025, 1, 1), 9434765919, None]]))
    assert [(e.row, e.column) for e in parsed.errors] == [(2, "value")]


def test_a_period_outside_the_plausible_years_is_refused() -> None:
    parsed = read(b"period,value\n1900-01-01,4\n")
    assert [(e.row, e.column) for e in parsed.errors] == [(2, "period")]
    assert parsed.errors[0].message.startswith("Enter a date between 1 January 1990")
