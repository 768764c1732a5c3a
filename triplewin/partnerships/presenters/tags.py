"""Task-list statuses shared by the stage presenters."""

from __future__ import annotations

from typing import Any

DONE: dict[str, Any] = {"text": "Completed"}


def status_tag(text: str, colour: str) -> dict[str, Any]:
    return {"tag": {"text": text, "classes": f"nhsuk-tag--{colour}"}}


NOT_STARTED = status_tag("Not started", "white")
OPEN: dict[str, Any] = {"text": "Open"}
