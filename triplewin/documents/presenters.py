"""How a document reads in every output: the same rows, markers and title block for each.

The web page, the PDF and the Word file all draw on `DocumentView`, so an empty section is
marked the same way everywhere and a placeholder reads identically in each.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass

from triplewin.core import signoff as engine
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


SIGN_OFF_TITLE = "Sign-off record"
FINGERPRINTS = (
    "Each act names the fingerprint of the content it was given for, as Triple Win recorded it "
    "when the version was submitted; the content hash of this document as a whole is given "
    "at the top."
)


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _line_value(line: engine.RecordLine) -> str:
    parts = [line.text]
    if line.statement:
        parts.append(f"Statement agreed: “{line.statement}”")
    if line.reason:
        parts.append(f"Reason given: {line.reason}")
    return "\n".join(parts)


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
    # The sign-off engine's record of this version (ADR 0024): printed as the document's last
    # section. None for a document nobody signs off, and for the current content before it is
    # a version.
    record: engine.VersionSignOff | None = None
    # The newest earlier version that was signed off, when this one is not: the content has
    # changed since sign-off, and the document says so as the pages and the rules do.
    changed_since: int | None = None

    @property
    def sections(self) -> list[SectionView]:
        # "Not yet completed" in red asks for work; on a version someone has signed off (or
        # that a later one replaced) nothing more will be written, so it says what is empty.
        settled = not self.is_draft
        found = [_section(s, signed_off=settled) for s in self.document.sections]
        record = self.sign_off_section
        return [*found, record] if record is not None else found

    @property
    def sign_off_section(self) -> SectionView | None:
        """The sign-off record: certification, each required approval, and what is still to do.

        Built from the engine's `record_lines`, which the pages print too, so the document and
        the page say the same about the same version.
        """
        record = self.record
        if record is None:
            return None
        rows = tuple(
            Row(line.what, _line_value(line), "", "") for line in engine.record_lines(record)
        )
        if record.signed_off:
            intro = f"Everything this {self.document.title} needs was given for this version."
        else:
            intro = "Still needed: " + "; ".join(_lower(o) for o in record.outstanding) + "."
        if self.changed_since is not None:
            intro = f"{self.changed_since_text} {intro}"
        intro += f" {FINGERPRINTS}"
        return SectionView("sign-off", SIGN_OFF_TITLE, 1, intro, rows, "", False)

    @property
    def changed_since_text(self) -> str:
        if self.changed_since is None:
            return ""
        return (
            f"Changed since sign-off: version {self.changed_since} was signed off, and this "
            "version's content differs from it."
        )

    @property
    def sign_off_text(self) -> str:
        """The title block's "Sign-off" line: where it stands, or that the content has moved on."""
        return self.signed_off_text or self.changed_since_text

    @property
    def final(self) -> bool:
        """Someone has answered for this version: a certified copy of it can be kept.

        With the engine's record, that is once it is certified, or approved by everyone where
        no certification is needed; each later act that changes the record keeps a new copy
        (`record_key`). A document read from an app that keeps its own sign-off is final once
        it is certified.
        """
        if self.record is not None:
            return (self.record.certified or self.record.signed_off) and self.record.ended is None
        return bool(self.signed_off_text)

    @property
    def record_key(self) -> str:
        """Names the state of the sign-off record a copy prints; "" without a record."""
        if self.record is None:
            return ""
        text = "\n".join(
            f"{line.what}|{line.done}|{line.text}|{line.statement}|{line.reason}"
            for line in engine.record_lines(self.record)
        )
        return hashlib.sha256(f"{text}\n{self.sign_off_text}".encode()).hexdigest()

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
        if self.record is not None:
            return engine.summary(self.record)
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
        lead = self.footer_status
        return f"{lead} · SHA-256 {self.content_hash}"

    @property
    def footer_status(self) -> str:
        """The status every page's footer prints: the engine's, in a few words."""
        record = self.record
        if record is not None:
            if record.signed_off:
                done = [
                    word
                    for word, given in (
                        ("certified", record.certified),
                        ("approved by every required body", bool(record.decisions)),
                        ("published", record.publication is not None),
                    )
                    if given
                ] or ["signed off"]
                text = " and ".join((", ".join(done[:-1]), done[-1])) if len(done) > 1 else done[0]
                ended = " · Superseded" if self.status is Status.SUPERSEDED else ""
                return text[:1].upper() + text[1:] + ended
            if record.certified:
                return "Certified · approvals outstanding"
        if self.changed_since is not None and (record is None or not record.certified):
            return "Not signed off · changed since sign-off"
        if record is not None:
            return "Not signed off"
        return self.signed_off_text or "Draft: not certified"
