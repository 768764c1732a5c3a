"""Which parts of the assembled PID an amendment can change, and how each is written back.

An amendment picks fields from the PID as it is assembled now. Only fields whose text the PID
owns (or the project's planned dates, which the timing section shows) can be rewritten here;
the team, contributions and plans change in their own pages, and whatever they hold is part of
the version an approved amendment produces.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from triplewin.partnerships.models import Project
from triplewin.pid.models import PID_FIELDS
from triplewin.pid.sections import Field, Section, assemble

# The methodology is a choice from a list, not text, so it is changed by rewriting its notes.
PID_TEXT_FIELDS = frozenset(PID_FIELDS) - {"methodology"}
PROJECT_DATES = {"planned_start": "Planned start date", "planned_end": "Planned end date"}
TIMING_SECTION = "timing"
RESPONSIBILITY_PREFIX = "termination-"


class Target(StrEnum):
    PID = "pid"  # a field of the PID itself
    RESPONSIBILITY = "responsibility"  # a partner's responsibilities on termination
    DATE = "date"  # one of the project's planned dates


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
    def organisation_id(self) -> int:
        return int(self.key.removeprefix(RESPONSIBILITY_PREFIX))


def _target(f: Field) -> Target | None:
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
            if (target := _target(f)) is not None
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
