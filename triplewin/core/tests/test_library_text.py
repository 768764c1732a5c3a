"""Text normalisation shared by both search backends."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triplewin.core.library import text


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("waiting", "wait"),
        ("waits", "wait"),
        ("times", "time"),
        ("reviews", "review"),
        ("reviewed", "review"),
        ("testing", "test"),
        ("reduce", "reduc"),
        ("reducing", "reduc"),
        ("diagnosis", "diagnos"),
        ("diagnosed", "diagnos"),
        ("analysis", "analys"),
        ("analysed", "analys"),
        ("evaluation", "evaluat"),
        ("evaluated", "evaluat"),
        ("services", "servic"),
        ("planned", "plan"),
        ("stopping", "stop"),
        ("access", "access"),
        ("copd", "copd"),
        ("2023", "2023"),
        ("bring", "bring"),
    ],
)
def test_stem(word, expected):
    assert text.stem(word) == expected


def test_fold_removes_accents_apostrophes_and_ampersands():
    assert text.words("Don't wait: Café & Co") == ["dont", "wait", "cafe", "and", "co"]


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("COPD in primary care", ["copd", "primarycare"]),
        ("reduce waiting times cancer", ["waittime", "cancer"]),
        ("secondment", ["workforce"]),
        ("data sharing agreement", ["datasharing", "agreement"]),
        ("faster diagnosis standard", ["waittime"]),
        ("oncology", ["cancer"]),
        ("GP practices", ["primarycare"]),
        ("the and of", []),
        ("reduce", ["reduc"]),  # noise is kept when nothing else is left
    ],
)
def test_query_terms(query, terms):
    assert text.query_terms(query) == terms


def test_documents_keep_their_own_words_as_well_as_concepts():
    tokens = text.index_tokens("Reviews in primary care cut waiting times")
    assert {"review", "primary", "care", "primarycare", "wait", "time", "waittime"} <= set(tokens)
    assert "in" not in tokens


def test_a_synonym_in_a_query_finds_the_other_phrase_in_a_document():
    document = set(text.index_tokens("An industry-funded post supported the clinic."))
    assert set(text.query_terms("secondment")) <= document
    document = set(text.index_tokens("Turnaround time for tests fell by a third."))
    assert set(text.query_terms("waiting times")) <= document


def test_query_terms_are_limited_and_unique():
    assert text.query_terms("asthma asthma asthma") == ["asthma"]
    assert len(text.query_terms(" ".join(f"word{i}" for i in range(40)))) == 12


def test_backend_queries_quote_terms_and_drop_anything_unsafe():
    assert text.fts5_query(["copd", "primarycare"]) == '"copd" OR "primarycare"'
    assert text.fts5_query(["a", "b"], every=True) == '"a" AND "b"'
    assert text.tsquery(["copd", "x'); drop"]) == "copd"
    assert text.tsquery(["a", "b"], every=True) == "a & b"


def test_matches_any_needs_every_term_of_one_phrase():
    tokens = set(text.index_tokens("Atrial fibrillation clinic"))
    assert text.matches_any(tokens, ["heart failure", "atrial fibrillation"])
    assert not text.matches_any(tokens, ["heart failure"])


@given(st.text(max_size=200))
def test_normalised_output_is_always_safe_for_both_backends(raw):
    for token in text.index_tokens(raw) + text.query_terms(raw):
        assert text.WORD.fullmatch(token)
