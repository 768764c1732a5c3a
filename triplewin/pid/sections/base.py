"""The shape of an assembled PID: ordered sections of ordered (label, value) fields.

Plain Python, no Django: section providers build these, versions store them as JSON, and the
diff and the pages read them back. Each field carries a stable key so that two versions can
be compared even when a label is reworded or a team member's name changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    value: str


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    fields: tuple[Field, ...]
    # Shown when the section has no fields at all, so an empty section reads as a statement.
    empty_text: str = ""


def section(key: str, title: str, fields: Iterable[Field], *, empty_text: str = "") -> Section:
    """A section whose field keys are made unique, so the diff never confuses two rows."""
    seen: dict[str, int] = {}
    unique: list[Field] = []
    for f in fields:
        count = seen.get(f.key, 0) + 1
        seen[f.key] = count
        unique.append(f if count == 1 else Field(f"{f.key}~{count}", f.label, f.value))
    return Section(key, title, tuple(unique), empty_text)


def text(value: Any) -> str:
    """Every value in a snapshot is a string, so hashes and diffs compare like with like."""
    if value is None:
        return ""
    return str(value).strip()


def to_snapshot(sections: Iterable[Section]) -> dict[str, Any]:
    return {
        "sections": [
            {
                "key": s.key,
                "title": s.title,
                "empty_text": s.empty_text,
                "fields": [{"key": f.key, "label": f.label, "value": f.value} for f in s.fields],
            }
            for s in sections
        ]
    }


def from_snapshot(snapshot: Mapping[str, Any]) -> list[Section]:
    return [
        Section(
            key=str(s["key"]),
            title=str(s["title"]),
            fields=tuple(
                Field(str(f["key"]), str(f["label"]), str(f["value"])) for f in s["fields"]
            ),
            empty_text=str(s.get("empty_text", "")),
        )
        for s in snapshot.get("sections", [])
    ]


def find_value(sections: Iterable[Section], section_key: str, field_key: str) -> str:
    for s in sections:
        if s.key == section_key:
            for f in s.fields:
                if f.key == field_key:
                    return f.value
    return ""


def find_section(sections: Iterable[Section], section_key: str) -> Section | None:
    return next((s for s in sections if s.key == section_key), None)
