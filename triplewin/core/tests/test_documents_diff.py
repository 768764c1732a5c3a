"""The section diff: added, removed and changed fields with before and after."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from triplewin.core.documents.diff import Change, compare
from triplewin.core.documents.model import Document, Field, Section


def d(*sections: Section) -> Document:
    return Document("pid", "PID", "Project", sections)


def s(key: str, *fields: Field, title: str = "") -> Section:
    return Section(key, title or key.capitalize(), fields)


def test_identical_documents_have_no_changes() -> None:
    doc = d(s("a", Field("x", "X", "1")))
    assert compare(doc, doc) == []


def test_changed_added_and_removed_fields() -> None:
    old = d(s("a", Field("x", "X", "1"), Field("gone", "Gone", "bye")))
    new = d(s("a", Field("x", "X", "2"), Field("new", "New", "hi")))
    [section] = compare(old, new)
    assert section.change is Change.CHANGED
    assert [(f.key, f.change, f.before, f.after) for f in section.fields] == [
        ("x", Change.CHANGED, "1", "2"),
        ("new", Change.ADDED, "", "hi"),
        ("gone", Change.REMOVED, "bye", ""),
    ]


def test_added_and_removed_sections_list_their_fields() -> None:
    old = d(s("a", Field("x", "X", "1")))
    new = d(s("b", Field("y", "Y", "2")))
    changes = compare(old, new)
    assert [(c.key, c.change) for c in changes] == [("b", Change.ADDED), ("a", Change.REMOVED)]
    assert changes[0].fields[0].after == "2"
    assert changes[1].fields[0].before == "1"


def test_a_renamed_heading_counts_as_a_change() -> None:
    old = d(s("a", Field("x", "X", "1"), title="Old"))
    new = d(s("a", Field("x", "X", "1"), title="New"))
    [section] = compare(old, new)
    assert (section.title, section.fields) == ("New", ())


values = st.dictionaries(st.sampled_from("abcdef"), st.text(max_size=5), max_size=6)


@given(values, values)
def test_every_key_that_differs_is_reported_once(
    before: dict[str, str], after: dict[str, str]
) -> None:
    old = d(s("a", *(Field(k, k, v) for k, v in before.items())))
    new = d(s("a", *(Field(k, k, v) for k, v in after.items())))
    reported = [f.key for c in compare(old, new) for f in c.fields]
    differing = {
        k
        for k in before.keys() | after.keys()
        if before.get(k) != after.get(k) or (k in before) != (k in after)
    }
    assert sorted(reported) == sorted(differing)
