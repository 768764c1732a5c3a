"""Task-list statuses shared by the stage presenters."""

from __future__ import annotations

from typing import Any

from triplewin.core.lifecycle import State

DONE: dict[str, Any] = {"text": "Completed"}


def status_tag(text: str, colour: str) -> dict[str, Any]:
    return {"tag": {"text": text, "classes": f"nhsuk-tag--{colour}"}}


NOT_STARTED = status_tag("Not started", "white")
OPEN: dict[str, Any] = {"text": "Open"}
# For a step the project passed before it came to Triple Win: its records live elsewhere.
BEFORE_TRIPLE_WIN = status_tag("Done before Triple Win", "grey")


def unless_imported(
    status: dict[str, Any], imported: frozenset[State], step: State
) -> dict[str, Any]:
    """'Not started' would mislead for a step that was imported as already done."""
    return BEFORE_TRIPLE_WIN if status is NOT_STARTED and step in imported else status
