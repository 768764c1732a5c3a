"""Normalised content and its hash: the same words always give the same SHA-256.

Text is cleaned once, here, so every output (web page, PDF, Word) receives the same safe
string: Unicode is composed (NFC), line endings are unified, and control characters that XML
cannot carry (Word refuses them, a PDF would show boxes) are dropped. Tabs and newlines stay.
An NHS number stored before the input guard existed is masked (ADR 0011), so no output of any
document carries one; the hash is of the masked text.
The canonical form is JSON with sorted keys and no insignificant whitespace, and it holds no
timestamps or output format, so re-rendering a version reproduces its hash.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Mapping
from typing import Any

from triplewin.core.documents.model import Document, Field, Section
from triplewin.core.input_guard import is_forbidden_character, mask_identifiers

KEPT_CONTROLS = frozenset("\n\t")


def _allowed(char: str) -> bool:
    if char in KEPT_CONTROLS:
        return True
    # The input guard's controls, surrogates and noncharacters, plus unassigned code points,
    # which a font cannot draw either.
    return not is_forbidden_character(char) and unicodedata.category(char) != "Cn"


def clean_text(value: object) -> str:
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if _allowed(c))
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    return mask_identifiers(text)


def clean_document(document: Document) -> Document:
    return Document(
        kind=clean_text(document.kind),
        title=clean_text(document.title),
        project=clean_text(document.project),
        subtitle=clean_text(document.subtitle),
        sections=tuple(
            Section(
                key=clean_text(s.key),
                title=clean_text(s.title),
                level=s.level,
                required=s.required,
                empty_text=clean_text(s.empty_text),
                intro=clean_text(s.intro),
                fields=tuple(
                    Field(
                        key=clean_text(f.key),
                        label=clean_text(f.label),
                        value=clean_text(f.value),
                        required=f.required,
                        placeholder=clean_text(f.placeholder),
                    )
                    for f in s.fields
                ),
            )
            for s in document.sections
        ),
    )


def to_content(document: Document) -> dict[str, Any]:
    """The document as plain JSON-ready data, after cleaning."""
    d = clean_document(document)
    return {
        "kind": d.kind,
        "title": d.title,
        "project": d.project,
        "subtitle": d.subtitle,
        "sections": [
            {
                "key": s.key,
                "title": s.title,
                "level": s.level,
                "required": s.required,
                "empty_text": s.empty_text,
                "intro": s.intro,
                "fields": [
                    {
                        "key": f.key,
                        "label": f.label,
                        "value": f.value,
                        "required": f.required,
                        "placeholder": f.placeholder,
                    }
                    for f in s.fields
                ],
            }
            for s in d.sections
        ],
    }


def from_content(content: Mapping[str, Any]) -> Document:
    return Document(
        kind=str(content["kind"]),
        title=str(content["title"]),
        project=str(content["project"]),
        subtitle=str(content.get("subtitle", "")),
        sections=tuple(
            Section(
                key=str(s["key"]),
                title=str(s["title"]),
                level=int(s.get("level", 1)),
                required=bool(s.get("required", True)),
                empty_text=str(s.get("empty_text", "")),
                intro=str(s.get("intro", "")),
                fields=tuple(
                    Field(
                        key=str(f["key"]),
                        label=str(f["label"]),
                        value=str(f["value"]),
                        required=bool(f.get("required", True)),
                        placeholder=str(f.get("placeholder", "")),
                    )
                    for f in s.get("fields", [])
                ),
            )
            for s in content.get("sections", [])
        ),
    )


def canonical_json(content: Mapping[str, Any]) -> str:
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_hash(document: Document) -> str:
    return hashlib.sha256(canonical_json(to_content(document)).encode("utf-8")).hexdigest()


def is_sha256(text: str) -> bool:
    value = text.strip().lower()
    return len(value) == 64 and all(c in "0123456789abcdef" for c in value)
