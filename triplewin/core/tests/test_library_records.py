"""Validation of case-study records, whichever file format they came from."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from triplewin.core.library import records as rec
from triplewin.core.library.validation import parse_record

GOOD = {
    "title": "Asthma reviews in Bolton",
    "status": "published",
    "summary": "Practices reviewed adults at risk.",
    "setting": "Primary care",
    "nation": "england",
    "region": "north_west",
    "therapy_areas": "respiratory; Diabetes and metabolic",
    "objectives": "Review 500 adults.",
    "partners": "nhs | Bolton GP Federation | Nurses\nindustry | Example Pharma | Funding",
    "outcomes": "Adults reviewed | people | | 1,000 | 2024 |",
    "lessons": "data_sharing | Agree data flows early | A data sharing agreement first",
    "sources": "https://example.org/report | The report",
    "start_date": "2024-01-01",
    "end_date": "2024-12-31",
    "inequalities_focus": "yes",
    "inequalities_how": "Deprived areas first.",
}


def parse(**changes):
    return parse_record({**GOOD, **changes})


def test_a_good_csv_shaped_record():
    record, problems = parse()
    assert problems == []
    assert record is not None
    assert record.setting == "primary"  # labels are accepted and stored as codes
    assert record.therapy_areas == ("diabetes", "respiratory")  # vocabulary order
    assert record.partners[1] == rec.Party("Example Pharma", "industry", "Funding")
    assert record.outcomes[0].after == Decimal("1000")
    assert record.lessons[0].barrier == "data_sharing"
    assert record.start_date == dt.date(2024, 1, 1)
    assert record.inequalities_focus is True
    assert record.what_happened_next == "unknown"


def test_the_same_record_in_json_shape():
    record, problems = parse(
        therapy_areas=["respiratory"],
        partners=[{"sector": "nhs", "name": "Bolton GP Federation"}],
        outcomes=[{"measure": "Adults reviewed", "after": 1000}],
        inequalities_focus=True,
    )
    assert problems == []
    assert record is not None
    assert record.outcomes[0].after == 1000


def test_every_problem_is_reported_with_its_field():
    _, problems = parse(
        title="",
        setting="hospital",
        therapy_areas="respiratory; astrology",
        start_date="31/12/2024",
        outcomes="Adults | people | lots",
        sources="ftp://example.org | x",
        surprise="!",
    )
    fields = {p.field for p in problems}
    assert fields == {
        "title",
        "setting",
        "therapy_areas",
        "start_date",
        "outcomes",
        "sources",
        "surprise",
    }
    messages = {p.field: p.message for p in problems}
    assert "primary, secondary" in messages["setting"]
    assert messages["outcomes"].startswith("Entry 1: before:")
    assert "YYYY-MM-DD" in messages["start_date"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end_date": "2023-01-01"}, "end_date"),
        ({"nation": "wales"}, "region"),
        ({"inequalities_focus": "no"}, "inequalities_focus"),
        ({"partners": ""}, "partners"),
        ({"partners": "nhs | A | b | c"}, "partners"),
        ({"outcomes": "Measured | % | 65% | 97"}, "outcomes"),
        ({"outcomes": "Measured only"}, "outcomes"),
        ({"key": "Not A Slug"}, "key"),
        ({"title": "x" * 201}, "title"),
        ({"status": "pending"}, "status"),
        ({"inequalities_focus": "maybe"}, "inequalities_focus"),
        ({"lessons": "politics | A lesson"}, "lessons"),
        ({"title": 5}, "title"),
    ],
)
def test_rules(changes, field):
    record, problems = parse(**changes)
    assert record is None
    assert field in {p.field for p in problems}


def test_entries_escape_the_separator_and_new_lines():
    entries = [{"url": "https://example.org/a|b", "title": "Line one\nline two | more"}]
    cell = rec.encode_entries(entries, rec.PARTS["sources"])
    assert "\n" not in cell
    assert rec.decode_entries(cell, rec.PARTS["sources"]) == entries


def test_publication_needs_the_story_partners_and_outcomes():
    record, _ = parse()
    assert record is not None
    assert rec.missing_for_publication(record) == ["what was done"]
    bare = rec.CaseStudyRecord(
        title="T",
        summary="",
        status="draft",
        setting="primary",
        nation="england",
        therapy_areas=(),
        objectives="",
        partners=(),
    )
    assert rec.missing_for_publication(bare) == [
        "a summary",
        "the objectives",
        "what was done",
        "a therapy area",
        "an NHS partner",
        "an industry partner",
        "at least one outcome",
    ]
