"""The scoping decision guide and its completeness counts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triplewin.core.scoping_guide import (
    QUESTIONS,
    SECTIONS,
    SECTIONS_BY_SLUG,
    Completeness,
    applicable,
    completeness,
    missing,
)

MEDICINES_IDS = {"pathways", "company_expertise", "other_organisations", "inequalities"}
ALL_IDS = [q.id for q in QUESTIONS]
GENERAL_IDS = [q.id for q in QUESTIONS if q.id not in MEDICINES_IDS]


def test_question_ids_are_unique() -> None:
    assert len(set(ALL_IDS)) == len(ALL_IDS) == 20


def test_section_slugs_are_unique() -> None:
    assert len(SECTIONS_BY_SLUG) == len(SECTIONS)


def test_medicines_only_questions_are_the_medicines_section() -> None:
    assert {q.id for q in QUESTIONS if q.medicines_only} == MEDICINES_IDS
    assert {q.id for q in SECTIONS_BY_SLUG["medicines"].questions} == MEDICINES_IDS


@pytest.mark.parametrize(
    ("answers", "medicines", "answered", "total"),
    [
        ({}, False, 0, 16),
        ({}, True, 0, 20),
        (dict.fromkeys(GENERAL_IDS, "x"), False, 16, 16),
        (dict.fromkeys(GENERAL_IDS, "x"), True, 16, 20),
        (dict.fromkeys(ALL_IDS, "x"), True, 20, 20),
        (dict.fromkeys(ALL_IDS, "x"), False, 16, 16),
        ({"pathways": "redesign"}, False, 0, 16),
        ({"pathways": "redesign"}, True, 1, 20),
        ({"unmet_need": "   ", "scale": "\n\t"}, False, 0, 16),
        ({"unmet_need": " Long waits ", "scale": ""}, False, 1, 16),
        ({"not_a_question": "x"}, True, 0, 20),
    ],
)
def test_completeness_counts(answers, medicines, answered, total) -> None:
    result = completeness(answers, medicines=medicines)
    assert (result.answered, result.total) == (answered, total)
    assert result.complete is (answered == total)


def test_whitespace_only_answers_count_as_missing() -> None:
    answers = dict.fromkeys(GENERAL_IDS, "ok") | {"unmet_need": "  \t "}
    assert completeness(answers, medicines=False) == Completeness(15, 16)
    assert [q.id for q in missing(answers, medicines=False)] == ["unmet_need"]


def test_missing_excludes_medicines_questions_when_not_relevant() -> None:
    assert [q.id for q in missing({}, medicines=False)] == GENERAL_IDS
    assert [q.id for q in missing({}, medicines=True)] == ALL_IDS


@pytest.mark.parametrize(
    ("slug", "medicines", "total"),
    [
        ("need", False, 4),
        ("fit", True, 4),
        ("delivery", False, 5),
        ("success", False, 2),
        # King's Fund: patient and public involvement should be a central driving force;
        # guidance, "Patient engagement". One question, asked of every project.
        ("people", False, 1),
        ("medicines", True, 4),
        ("medicines", False, 0),
    ],
)
def test_completeness_per_section(slug: str, medicines: bool, total: int) -> None:
    section = SECTIONS_BY_SLUG[slug]
    empty = completeness({}, medicines=medicines, section=section)
    assert (empty.answered, empty.total) == (0, total)
    full = completeness(dict.fromkeys(ALL_IDS, "x"), medicines=medicines, section=section)
    assert (full.answered, full.total) == (total, total)
    assert full.complete


def test_empty_section_is_complete_at_100_percent() -> None:
    result = completeness({}, medicines=False, section=SECTIONS_BY_SLUG["medicines"])
    assert result.complete
    assert result.percent == 100


@pytest.mark.parametrize(
    ("answered", "total", "percent"),
    [(0, 15, 0), (15, 15, 100), (1, 3, 33), (2, 3, 67), (7, 19, 37), (0, 0, 100)],
)
def test_percent(answered: int, total: int, percent: int) -> None:
    assert Completeness(answered, total).percent == percent


def test_applicable_filters_medicines_only() -> None:
    assert len(applicable(QUESTIONS, medicines=True)) == len(QUESTIONS)
    assert not any(q.medicines_only for q in applicable(QUESTIONS, medicines=False))


@given(
    st.dictionaries(st.sampled_from(ALL_IDS), st.sampled_from(["", " ", "yes", " an answer "])),
    st.booleans(),
)
def test_completeness_agrees_with_missing(answers: dict[str, str], medicines: bool) -> None:
    result = completeness(answers, medicines=medicines)
    gaps = missing(answers, medicines=medicines)
    assert result.answered + len(gaps) == result.total
    assert 0 <= result.percent <= 100
    per_section = [completeness(answers, medicines=medicines, section=s) for s in SECTIONS]
    assert sum(c.answered for c in per_section) == result.answered
    assert sum(c.total for c in per_section) == result.total
