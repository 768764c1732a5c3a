"""Does a PDF or a hash match a certified document? Only signed-off versions ever answer.

An uploaded file is matched by the SHA-256 of its bytes against the frozen certified copies; a
pasted hash may be either a copy's file hash or a version's content hash. A draft, or any
version nobody signed off, gives the same answer as no match at all, so nothing unpublished
can be discovered by guessing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from triplewin.core.dates import long_date
from triplewin.documents.kinds import kind_for
from triplewin.documents.models import CertifiedCopy, DocumentVersion
from triplewin.documents.selectors import VersionStatus, document_of, status_of
from triplewin.documents.services.copies import NOT_RECORDED
from triplewin.documents.signers import public_signer


@dataclass(frozen=True)
class Match:
    document_title: str
    project: str
    version: int
    status: str
    signed_off_by: str
    signed_off_on: str
    content_hash: str
    matched_on: str


def _match(
    version: DocumentVersion, status: str, signed_off_by: str, at: dt.datetime | None, on: str
) -> Match:
    # The certified content, not the live project: a title changed since must not show here.
    certified = document_of(version)
    return Match(
        document_title=certified.title or version.document,
        project=certified.project,
        version=version.number,
        status=status,
        signed_off_by=signed_off_by,
        signed_off_on=long_date(at),
        content_hash=version.content_hash,
        matched_on=on,
    )


def _signed(
    version: DocumentVersion, row: VersionStatus, at: dt.datetime | None, on: str, nobody: str = ""
) -> Match:
    signer = public_signer(row.decided.signer, version.project) or nobody
    return _match(version, row.status.label, signer, at, on)


def _from_copy(copy: CertifiedCopy, matched_on: str) -> Match:
    version = copy.version
    kind = kind_for(version.document)
    # The copy's label names someone by email, so only its "nobody recorded" wording is shown.
    nobody = NOT_RECORDED if copy.signed_off_by_label == NOT_RECORDED else ""
    # The copy's own date: it froze when the version was signed off.
    if kind is None:
        return _match(version, copy.status, nobody, copy.signed_off_at, matched_on)
    row = status_of(kind, version.project, version)
    return _signed(version, row, copy.signed_off_at, matched_on, nobody)


def match_file_hash(digest: str) -> Match | None:
    copy = (
        CertifiedCopy.objects.filter(pdf_sha256=digest.lower())
        .select_related("version__project")
        .order_by("id")
        .first()
    )
    return _from_copy(copy, "file") if copy else None


def match_content_hash(digest: str) -> Match | None:
    for version in DocumentVersion.objects.filter(content_hash=digest.lower()).select_related(
        "project"
    ):
        kind = kind_for(version.document)
        if kind is None:
            continue
        row = status_of(kind, version.project, version)
        if row.signed_off:
            return _signed(version, row, row.decided.at, "content")
    return None


def match_hash(digest: str) -> Match | None:
    return match_file_hash(digest) or match_content_hash(digest)
