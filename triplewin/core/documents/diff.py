"""What changed between two versions of a document, section by section and field by field.

Reads as the document does ("Exit strategy: before … after …") rather than as JSON or XML.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from triplewin.core.documents.model import Document, Field, Section


class Change(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class FieldChange:
    key: str
    label: str
    change: Change
    before: str
    after: str


@dataclass(frozen=True)
class SectionChange:
    key: str
    title: str
    change: Change
    fields: tuple[FieldChange, ...]


def _fields(old: tuple[Field, ...], new: tuple[Field, ...]) -> list[FieldChange]:
    before = {f.key: f for f in old}
    after_keys = {f.key for f in new}
    changes = []
    for f in new:
        was = before.get(f.key)
        if was is None:
            changes.append(FieldChange(f.key, f.label, Change.ADDED, "", f.value))
        elif was.value != f.value or was.label != f.label:
            changes.append(FieldChange(f.key, f.label, Change.CHANGED, was.value, f.value))
    changes.extend(
        FieldChange(f.key, f.label, Change.REMOVED, f.value, "")
        for f in old
        if f.key not in after_keys
    )
    return changes


def _section_changed(was: Section, now: Section) -> bool:
    return was.title != now.title or was.empty_text != now.empty_text


def compare(old: Document, new: Document) -> list[SectionChange]:
    """Sections in the newer version's order, then any the newer version no longer has."""
    before = {s.key: s for s in old.sections}
    after_keys = {s.key for s in new.sections}
    result = []
    for s in new.sections:
        was = before.get(s.key)
        if was is None:
            result.append(SectionChange(s.key, s.title, Change.ADDED, tuple(_fields((), s.fields))))
            continue
        fields = _fields(was.fields, s.fields)
        if fields or _section_changed(was, s):
            result.append(SectionChange(s.key, s.title, Change.CHANGED, tuple(fields)))
    result.extend(
        SectionChange(s.key, s.title, Change.REMOVED, tuple(_fields(s.fields, ())))
        for s in old.sections
        if s.key not in after_keys
    )
    return result
