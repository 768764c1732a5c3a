"""What changed between two PID versions, section by section and field by field.

Plain Python over the assembled sections, so the comparison reads as the document does
("Exit strategy: before … after …") rather than as JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from triplewin.pid.sections.base import Field, Section


class Change(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class FieldChange:
    label: str
    change: Change
    before: str
    after: str


@dataclass(frozen=True)
class SectionChange:
    title: str
    change: Change
    fields: tuple[FieldChange, ...]


def _field_changes(old: tuple[Field, ...], new: tuple[Field, ...]) -> list[FieldChange]:
    before = {f.key: f for f in old}
    after_keys = {f.key for f in new}
    changes = []
    for f in new:
        was = before.get(f.key)
        if was is None:
            changes.append(FieldChange(f.label, Change.ADDED, "", f.value))
        elif was.value != f.value or was.label != f.label:
            changes.append(FieldChange(f.label, Change.CHANGED, was.value, f.value))
    changes.extend(
        FieldChange(f.label, Change.REMOVED, f.value, "") for f in old if f.key not in after_keys
    )
    return changes


def compare(old: list[Section], new: list[Section]) -> list[SectionChange]:
    """Sections in the newer version's order, then any the newer version no longer has."""
    before = {s.key: s for s in old}
    after_keys = {s.key for s in new}
    result = []
    for s in new:
        was = before.get(s.key)
        if was is None:
            fields = _field_changes((), s.fields)
            result.append(SectionChange(s.title, Change.ADDED, tuple(fields)))
            continue
        fields = _field_changes(was.fields, s.fields)
        if fields or was.title != s.title:
            result.append(SectionChange(s.title, Change.CHANGED, tuple(fields)))
    result.extend(
        SectionChange(s.title, Change.REMOVED, tuple(_field_changes(s.fields, ())))
        for s in old
        if s.key not in after_keys
    )
    return result
