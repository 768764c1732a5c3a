"""Which parts of the assembled PID an amendment can change, and how each is written back.

An amendment picks fields from the PID as it is assembled now. Only fields whose text the PID
owns, the project's planned dates (which the timing section shows), and the project's title and
type of partnership (which "The project" section shows, and which are frozen once the project
is public, ADR 0025) can be rewritten here; the team, contributions and plans change in their
own pages, and whatever they hold is part of the version an approved amendment produces.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from triplewin.partnerships.models import Project, WorkingType
from triplewin.pid.models import PID_FIELDS
from triplewin.pid.sections import Field, Section, assemble

# The methodology is a choice from a list, not text, so it is changed by rewriting its notes.
PID_TEXT_FIELDS = frozenset(PID_FIELDS) - {"methodology"}
PROJECT_DATES = {"planned_start": "Planned start date", "planned_end": "Planned end date"}
TIMING_SECTION = "timing"
RESPONSIBILITY_PREFIX = "termination-"
PROJECT_SECTION = "project"
TITLE_KEY = "title"
TYPE_KEY = "type"
TITLE_LIMIT = Project._meta.get_field("title").max_length or 200
# What the PID shows for each type (its label), and the value the project stores.
TYPE_CHOICES: tuple[tuple[str, str], ...] = tuple(
    (str(value), str(label)) for value, label in WorkingType.choices
)


class Target(StrEnum):
    PID = "pid"  # a field of the PID itself
    RESPONSIBILITY = "responsibility"  # a partner's responsibilities on termination
    DATE = "date"  # one of the project's planned dates
    TITLE = "title"  # the project's title
    TYPE = "type"  # the project's type of partnership (collaborative or joint working)


@dataclass(frozen=True)
class Amendable:
    key: str
    section_title: str
    label: str
    current: str
    target: Target

    @property
    def is_date(self) -> bool:
        return self.target is Target.DATE

    @property
    def choices(self) -> tuple[tuple[str, str], ...]:
        """The values a choice can take, as (stored value, what the PID shows)."""
        return TYPE_CHOICES if self.target is Target.TYPE else ()

    @property
    def organisation_id(self) -> int:
        return int(self.key.removeprefix(RESPONSIBILITY_PREFIX))


def _target(section_key: str, f: Field) -> Target | None:
    if section_key == PROJECT_SECTION and f.key == TITLE_KEY:
        return Target.TITLE
    if section_key == PROJECT_SECTION and f.key == TYPE_KEY:
        return Target.TYPE
    if f.key in PID_TEXT_FIELDS:
        return Target.PID
    if f.key.startswith(RESPONSIBILITY_PREFIX) and f.key[len(RESPONSIBILITY_PREFIX) :].isdigit():
        return Target.RESPONSIBILITY
    if f.key in PROJECT_DATES:
        return Target.DATE
    return None


def amendable_from(sections: list[Section]) -> list[Amendable]:
    found: list[Amendable] = []
    for s in sections:
        found.extend(
            Amendable(f.key, s.title, f.label, f.value, target)
            for f in s.fields
            if (target := _target(s.key, f)) is not None
        )
        if s.key == TIMING_SECTION:
            # A planned date not set yet is not in the document, but may be set by amendment.
            present = {f.key for f in s.fields}
            found.extend(
                Amendable(key, s.title, label, "", Target.DATE)
                for key, label in PROJECT_DATES.items()
                if key not in present
            )
    return found


def amendable_fields(project: Project) -> list[Amendable]:
    return amendable_from(assemble(project))


def parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def type_value(text: str) -> str | None:
    """The stored type for what was sent: its value ('cw') or what the PID shows for it."""
    text = text.strip()
    for value, label in TYPE_CHOICES:
        if text in (value, label):
            return value
    return None


def type_label(value: str) -> str:
    return dict(TYPE_CHOICES).get(value, value)
