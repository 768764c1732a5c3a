"""Turns the label -> text rows other apps hand over into PID fields."""

from __future__ import annotations

from collections.abc import Mapping

from triplewin.pid.sections.base import Field, text


def row_field(row: Mapping[str, str], *, key_prefix: str, title_keys: int = 1) -> Field:
    """The first `title_keys` values name the row; the rest become "Label: text" lines."""
    items = [(label, text(value)) for label, value in row.items()]
    head = [value for _, value in items[:title_keys] if value]
    label = ": ".join(head) or "Entry"
    lines = [f"{name}: {value}" for name, value in items[title_keys:] if value]
    return Field(f"{key_prefix}-{label}", label, "\n".join(lines))
