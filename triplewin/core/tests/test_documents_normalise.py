"""Normalised content and its hash: cleaning is safe, canonical and independent of format."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triplewin.core.documents.model import Document, Field, Section
from triplewin.core.documents.normalise import (
    canonical_json,
    clean_text,
    content_hash,
    from_content,
    is_sha256,
    to_content,
)


def doc(value: str, *, title: str = "Project Initiation Document") -> Document:
    return Document(
        "pid", title, "Heart failure", (Section("s", "Section", (Field("f", "Field", value),)),)
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("plain", "plain"),
        ("  padded  ", "padded"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("bell\x07 nul\x00 esc\x1b", "bell nul esc"),
        ("keep\ttab", "keep\ttab"),
        ("C1\x85control", "C1control"),
        ("not a char \ufffe\uffff", "not a char"),
        ("e\u0301", "\u00e9"),  # decomposed é becomes the composed character
        ("مرحبا", "مرحبا"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("trailing   \nspaces", "trailing\nspaces"),
        (None, ""),
        (12, "12"),
        ("Seen 943 476 5919 and 943-476-5919.", "Seen 943 *** **19 and 943 *** **19."),
        (9434765919, "943 *** **19"),
        ("Budget 1234567890", "Budget 1234567890"),
    ],
)
def test_clean_text(raw: object, expected: str) -> None:
    assert clean_text(raw) == expected


def test_hash_ignores_cosmetic_differences_but_not_words() -> None:
    assert content_hash(doc("line\r\n")) == content_hash(doc("line"))
    assert content_hash(doc("e\u0301")) == content_hash(doc("\u00e9"))
    assert content_hash(doc("one")) != content_hash(doc("two"))
    assert content_hash(doc("one")) != content_hash(doc("one", title="Minutes"))


def test_canonical_json_sorts_keys_and_keeps_unicode() -> None:
    assert canonical_json({"b": 1, "a": "é"}) == '{"a":"é","b":1}'


@pytest.mark.parametrize(
    ("text", "valid"),
    [("a" * 64, True), ("A" * 64, True), ("a" * 63, False), ("g" * 64, False), ("", False)],
)
def test_is_sha256(text: str, valid: bool) -> None:
    assert is_sha256(text) is valid


XML_INVALID = {chr(c) for c in range(0x20)} - {"\n", "\t"}


@given(st.text())
def test_cleaned_text_never_carries_xml_invalid_characters(raw: str) -> None:
    cleaned = clean_text(raw)
    assert not XML_INVALID & set(cleaned)
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in cleaned)
    assert clean_text(cleaned) == cleaned  # cleaning twice changes nothing


@given(st.lists(st.tuples(st.text(), st.text(), st.text()), max_size=5), st.booleans())
def test_content_round_trips_and_rehashes_identically(
    rows: list[tuple[str, str, str]], required: bool
) -> None:
    fields = tuple(
        Field(f"k{i}", label, value, required) for i, (label, value, _) in enumerate(rows)
    )
    document = Document("kind", "Title", "Project", (Section("s", "S", fields),))
    again = from_content(to_content(document))
    assert content_hash(again) == content_hash(document)
    assert to_content(again) == to_content(document)
