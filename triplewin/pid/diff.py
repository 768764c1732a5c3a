"""What changed between two PID versions, section by section and field by field.

The PID's assembled sections are read as a document and compared by the document engine's
diff, so the PID pages and the documents pages describe a change the same way.
"""

from __future__ import annotations

from triplewin.core.documents import model
from triplewin.core.documents.diff import Change, FieldChange, SectionChange
from triplewin.core.documents.diff import compare as compare_documents
from triplewin.pid.sections.base import Section

__all__ = ["Change", "FieldChange", "SectionChange", "compare"]


def _as_document(sections: list[Section]) -> model.Document:
    return model.Document(
        kind="pid",
        title="Project Initiation Document",
        project="",
        sections=tuple(
            model.Section(
                s.key,
                s.title,
                tuple(model.Field(f.key, f.label, f.value) for f in s.fields),
                empty_text=s.empty_text,
            )
            for s in sections
        ),
    )


def compare(old: list[Section], new: list[Section]) -> list[SectionChange]:
    """Sections in the newer version's order, then any the newer version no longer has."""
    return compare_documents(_as_document(old), _as_document(new))
