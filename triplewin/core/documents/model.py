"""The shape of every framework document: ordered sections of ordered (label, value) fields.

A section has a heading level (1 for a main heading, 2 for a part under the one before), a
stable key so two versions can be compared even when a heading is reworded, and a flag saying
whether it must be filled before the document is certified.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    CERTIFIED = "certified"
    APPROVED = "approved"
    PUBLISHED = "published"
    SUPERSEDED = "superseded"

    @property
    def label(self) -> str:
        return self.value.capitalize()


# The statuses in which someone has answered for the content: these versions can be verified.
SIGNED_OFF = frozenset({Status.CERTIFIED, Status.APPROVED, Status.PUBLISHED})


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    value: str
    required: bool = True
    # A placeholder names what the parties still have to agree, e.g. in the heads of terms.
    placeholder: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.value.strip()


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    fields: tuple[Field, ...] = ()
    level: int = 1
    required: bool = True
    # Shown instead of fields when a section legitimately has none ("No risks are open.").
    empty_text: str = ""
    # A short introduction printed under the heading (the purpose of a clause, say).
    intro: str = ""


@dataclass(frozen=True)
class Document:
    kind: str
    title: str
    project: str
    sections: tuple[Section, ...] = field(default_factory=tuple)
    subtitle: str = ""
