"""Which required parts of a document are still empty; any of them blocks certification."""

from __future__ import annotations

from triplewin.core.documents.model import Document


def missing_required(document: Document) -> tuple[str, ...]:
    """'Section: field' for each empty required field, and each required section with none."""
    missing: list[str] = []
    for s in document.sections:
        if not s.fields:
            if s.required and not s.empty_text:
                missing.append(s.title)
            continue
        missing.extend(
            f"{s.title}: {f.label}"
            for f in s.fields
            if f.required and (f.is_empty or f.placeholder)
        )
    return tuple(missing)
