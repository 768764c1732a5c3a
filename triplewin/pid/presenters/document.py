"""How an assembled PID reads on a page: sections of label and value, with gaps spelled out."""

from __future__ import annotations

from dataclasses import dataclass

from triplewin.pid.sections import Section

NOT_WRITTEN = "Not written yet"


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    is_empty: bool


@dataclass(frozen=True)
class SectionView:
    title: str
    rows: tuple[Row, ...]
    empty_text: str


def section_views(sections: list[Section]) -> list[SectionView]:
    return [
        SectionView(
            s.title,
            tuple(Row(f.label, f.value or NOT_WRITTEN, not f.value) for f in s.fields),
            s.empty_text if not s.fields else "",
        )
        for s in sections
    ]
