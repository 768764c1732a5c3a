"""The document reference printed on every page: the job code a certification signatory files.

`TW-0012-PID-v3` is version 3 of project 12's PID; `TW-0012-AMD2-v1` is version 1 of its
second amendment. Current content that is not yet a version reads `…-draft`. The reference
names a version record, not its content: it is printed around the document, never inside the
hashed content, so the same words recorded again as a new version keep their hash (ADR 0026).
"""

from __future__ import annotations

# Short, stable codes: a reference must not change when a document's title is reworded.
KIND_CODES = {
    "concept": "PCF",
    "pid": "PID",
    "agreement": "AGR",
    "summary": "EXS",
    "amendment": "AMD",
    "minutes": "MIN",
    "status-report": "STR",
    "outcomes": "SPO",
    "scoping": "SCG",
    "checklist": "CHK",
    "lessons": "LLR",
}


def kind_code(document: str) -> str:
    """ "pid" -> "PID"; "amendment-2" -> "AMD2"; an unknown key keeps its letters, upper-cased."""
    if document in KIND_CODES:
        return KIND_CODES[document]
    head, _, tail = document.rpartition("-")
    if head in KIND_CODES and tail.isdigit():
        return f"{KIND_CODES[head]}{int(tail)}"
    return "".join(c for c in document.upper() if c.isalnum())[:12] or "DOC"


def reference(project_id: int, document: str, version: int | None) -> str:
    suffix = f"v{version}" if version else "draft"
    return f"TW-{project_id:04d}-{kind_code(document)}-{suffix}"
