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


def test_an_empty_required_part_asks_for_work_only_while_the_version_is_a_draft() -> None:
    from triplewin.core.documents.model import Document, Status
    from triplewin.documents.presenters import LEFT_BLANK, NOT_COMPLETED, DocumentView

    document = Document(
        "outcomes",
        "Summary of Project Outcomes",
        "A project",
        (
            Section("evaluation", "Evaluation", (Field("evaluator", "Evaluator", ""),)),
            Section("kpis", "KPI results"),
        ),
    )
    for status, text, marker in (
        (Status.DRAFT, NOT_COMPLETED, "missing"),
        (Status.SUBMITTED, NOT_COMPLETED, "missing"),
        (Status.APPROVED, LEFT_BLANK, "optional"),
        (Status.PUBLISHED, LEFT_BLANK, "optional"),
        (Status.SUPERSEDED, LEFT_BLANK, "optional"),
    ):
        evaluation, kpis = DocumentView(document, 1, status, "0" * 64).sections
        assert (evaluation.rows[0].marker, evaluation.rows[0].marker_text) == (marker, text)
        assert kpis.note == text
        assert evaluation.is_incomplete is (marker == "missing")
