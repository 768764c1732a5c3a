"""One definition per framework document: its title and the sections and fields it lists.

A definition is filled from a project's records (the documents app knows where each value
lives) with `build`. Fixed sections name their fields here; a section of rows (the partners, the
risk log) takes whatever rows the records hold, and `required` then means "at least one row".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from triplewin.core.documents.model import Document, Field, Section

NOT_RECORDED = "Nothing has been recorded here yet."


class SignOff(StrEnum):
    """Where a document's certification and approval are recorded."""

    OWN_APP = "own_app"  # the framework's own app (PID, concept, summaries, amendments, minutes)
    DOCUMENTS = "documents"  # this engine: the signatory certifies, each partner approves


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    required: bool = True


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    fields: tuple[FieldSpec, ...] = ()
    rows: bool = False
    required: bool = True
    level: int = 1
    empty_text: str = ""
    intro: str = ""


@dataclass(frozen=True)
class Definition:
    kind: str
    title: str
    description: str
    sections: tuple[SectionSpec, ...]
    sign_off: SignOff
    # True when a project has one per meeting or per amendment rather than one in all.
    per_subject: bool = False


Row = tuple[str, str, str]  # key, label, value
Filled = Mapping[str, str] | Sequence[Row]


def _fixed(spec: SectionSpec, values: Mapping[str, str]) -> Section:
    return Section(
        key=spec.key,
        title=spec.title,
        level=spec.level,
        required=spec.required,
        intro=spec.intro,
        fields=tuple(Field(f.key, f.label, values.get(f.key, ""), f.required) for f in spec.fields),
    )


def _rows(spec: SectionSpec, rows: Sequence[Row]) -> Section:
    seen: dict[str, int] = {}
    fields = []
    for key, label, value in rows:
        count = seen.get(key, 0) + 1
        seen[key] = count
        fields.append(Field(key if count == 1 else f"{key}~{count}", label, value, spec.required))
    return Section(
        key=spec.key,
        title=spec.title,
        level=spec.level,
        required=spec.required,
        intro=spec.intro,
        fields=tuple(fields),
        empty_text="" if spec.required else (spec.empty_text or NOT_RECORDED),
    )


def build(
    definition: Definition,
    *,
    project: str,
    values: Mapping[str, Filled],
    subtitle: str = "",
    extra: Mapping[str, Sequence[Section]] | None = None,
) -> Document:
    """Fill each section from `values[section key]`; `extra[key]` sections follow that one."""
    sections: list[Section] = []
    for spec in definition.sections:
        filled = values.get(spec.key, {})
        if spec.rows:
            sections.append(_rows(spec, [] if isinstance(filled, Mapping) else filled))
        else:
            sections.append(_fixed(spec, filled if isinstance(filled, Mapping) else {}))
        sections.extend((extra or {}).get(spec.key, ()))
    return Document(
        kind=definition.kind,
        title=definition.title,
        project=project,
        subtitle=subtitle,
        sections=tuple(sections),
    )
