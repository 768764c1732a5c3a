"""Turns audit events into readable history lines."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from triplewin.audit.models import AuditEvent
from triplewin.core.wording import counted

ACTION_LABELS = {
    "project.created": "Recorded the idea",
    "project.updated": "Edited the project details",
    "project.partner_added": "Added a partner",
    "project.partner_removed": "Removed a partner",
    "scoping.section_saved": "Saved scoping answers",
    "checklist.saved": "Saved the classification checklist",
    "concept.saved": "Edited the concept framework",
    "concept.approved": "Approved the concept",
    "concept.rejected": "Rejected the concept",
    "risk.accepted": "Accepted a risk",
    "conflicts.managed": "Recorded how a conflict of interest is managed",
}


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


def _text(value: Any) -> str:
    if value in (None, "", [], {}):
        return "(empty)"
    if isinstance(value, list | dict):
        return counted(len(value), "item")
    text = str(value)
    return text if len(text) <= 300 else text[:297] + "…"


class HistoryEntry:
    def __init__(self, event: AuditEvent) -> None:
        self.event = event

    @property
    def action(self) -> str:
        label = ACTION_LABELS.get(self.event.action)
        if label:
            return label
        return self.event.action.split(".", 1)[-1].replace("_", " ").capitalize()

    @property
    def changes(self) -> list[Change]:
        return [
            Change(name.replace("_", " "), _text(pair[0]), _text(pair[1]))
            for name, pair in self.event.changes.items()
            if isinstance(pair, list) and len(pair) == 2
        ]
