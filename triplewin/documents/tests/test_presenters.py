"""Display rules shared by the web page, the PDF and the Word file."""

from __future__ import annotations

import pytest

from triplewin.core.documents.model import Field, Section
from triplewin.documents.presenters import _section, readable


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2027-03-01", "1 March 2027"),
        (" 2024-02-29 ", "29 February 2024"),
        ("2023-02-29", "2023-02-29"),  # not a real day: shown as typed
        ("2027-03-01 and later", "2027-03-01 and later"),
        ("Quarter 1 2027", "Quarter 1 2027"),
        ("", ""),
    ],
)
def test_iso_dates_read_as_long_dates(value: str, shown: str) -> None:
    assert readable(value) == shown


def test_a_section_row_shows_the_long_date_but_the_content_keeps_iso() -> None:
    field = Field("start", "Planned start date", "2027-03-01", required=True)
    section = Section("timing", "Timing", (field,))
    assert _section(section).rows[0].value == "1 March 2027"
    assert field.value == "2027-03-01"
