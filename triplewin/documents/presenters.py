"""How a document reads in every output: the same rows, markers and title block for each.

The web page, the PDF and the Word file all draw on `DocumentView`, so an empty section is
marked the same way everywhere and a placeholder reads identically in each.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from triplewin.core.dates import long_date
from triplewin.core.documents.completeness import missing_required
from triplewin.core.documents.model import Document, Section, Status

NOT_COMPLETED = "Not yet completed"
# A signed-off version will never be completed: it was signed off with the part empty.
LEFT_BLANK = "Left blank in this version"
NOT_APPLICABLE = "None recorded"
ISO_DATE_LENGTH = len("2027-03-01")


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    # "missing": a required field left empty; "placeholder": to be agreed; "optional": blank.
    marker: str
    marker_text: str

    @property
    def direction(self) -> str:
        """ "rtl" when the value starts in a right-to-left script (Arabic, Hebrew), else "ltr"."""
        return text_direction(self.value)


def text_direction(text: str) -> str:
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in {"R", "AL"}:
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


@dataclass(frozen=True)
class SectionView:
    key: str
    title: str
    level: int
    intro: str
    rows: tuple[Row, ...]
    note: str
    is_incomplete: bool


def readable(value: str) -> str:
    """A value that is exactly an ISO date reads as "1 March 2027"; anything else is unchanged.

    Only the display changes: the content (and so its hash) keeps the ISO form.
    """
    text = value.strip()
    if len(text) == ISO_DATE_LENGTH:
        try:
            return long_date(dt.date.fromisoformat(text))
        except ValueError:
            pass
    return value


def _row(f_label: str, value: str, required: bool, placeholder: str) -> Row:
    value = readable(value)
    if placeholder:
        return Row(f_label, value, "placeholder", f"[To be agreed: {placeholder}]")
    if not value.strip():
        if required:
            return Row(f_label, "", "missing", NOT_COMPLETED)
        return Row(f_label, "", "optional", NOT_APPLICABLE)
    return Row(f_label, value, "", "")


def _settled(row: Row) -> Row:
    """A required part left empty, as a signed-off version records it: plainly, not in red."""
    if row.marker != "missing":
        return row
    return Row(row.label, "", "optional", LEFT_BLANK)


def _section(s: Section, *, signed_off: bool = False) -> SectionView:
    rows = tuple(_row(f.label, f.value, f.required, f.placeholder) for f in s.fields)
    if signed_off:
        rows = tuple(_settled(r) for r in rows)
    note = ""
    incomplete = any(r.marker in {"missing", "placeholder"} for r in rows)
    if not s.fields:
        if s.required and not s.empty_text:
            note, incomplete = (LEFT_BLANK, False) if signed_off else (NOT_COMPLETED, True)
        else:
            note = s.empty_text
    return SectionView(s.key, s.title, s.level, s.intro, rows, note, incomplete)


@dataclass(frozen=True)
class DocumentView:
    """A document plus what every output prints around it."""

    document: Document
    version: int | None
    status: Status
    content_hash: str
    signed_off_by: str = ""
    signed_off_at: dt.datetime | None = None
    # Printed around the content on every page, never hashed (ADR 0026): the version's job
    # code, the day the version was prepared, and the partner organisations as its authors.
    reference: str = ""
    prepared_on: dt.date | None = None
    authors: tuple[str, ...] = ()

    @property
    def sections(self) -> list[SectionView]:
        # "Not yet completed" in red asks for work; on a version someone has signed off (or
        # that a later one replaced) nothing more will be written, so it says what is empty.
        settled = not self.is_draft
        return [_section(s, signed_off=settled) for s in self.document.sections]

    @property
    def missing(self) -> tuple[str, ...]:
        return missing_required(self.document)

    @property
    def version_text(self) -> str:
        return f"Version {self.version}" if self.version else "Current content (not a version)"

    @property
    def status_text(self) -> str:
        return self.status.label

    @property
    def is_draft(self) -> bool:
        return self.status in {Status.DRAFT, Status.SUBMITTED}

    @property
    def signed_off_text(self) -> str:
        """'Certified on 3 March 2027 by …' where someone answered for this content."""
        if self.status not in {Status.CERTIFIED, Status.APPROVED, Status.PUBLISHED} and not (
            self.status is Status.SUPERSEDED and self.signed_off_by
        ):
            return ""
        verb = "Approved" if self.status is Status.APPROVED else "Certified"
        if self.status is Status.PUBLISHED:
            verb = "Certified and published"
        when = long_date(self.signed_off_at)
        text = f"{verb} on {when}" if when else verb
        return f"{text} by {self.signed_off_by}" if self.signed_off_by else text

    @property
    def prepared_text(self) -> str:
        return long_date(self.prepared_on) if self.prepared_on else "Not yet prepared as a version"

    @property
    def author_text(self) -> str:
        return ", ".join(self.authors) or "Triple Win"

    @property
    def running_header(self) -> str:
        return f"{self.document.project} · {self.version_text} · {self.status_text}"

    @property
    def imprint_text(self) -> str:
        """The reference and date of preparation, as every page's header prints them."""
        reference = f"Ref. {self.reference}" if self.reference else ""
        return " · ".join(p for p in (reference, f"Prepared {self.prepared_text}") if p)

    @property
    def subject_text(self) -> str:
        """The PDF's and Word file's subject: the kind of document, its reference and hash."""
        return " · ".join(
            p
            for p in (self.document.title, self.reference, f"Content SHA-256 {self.content_hash}")
            if p
        )

    @property
    def footer_text(self) -> str:
        lead = self.signed_off_text or "Draft: not certified"
        return f"{lead} · SHA-256 {self.content_hash}"
