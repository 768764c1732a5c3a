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
from triplewin.documents.selectors import status_of


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


def _from_copy(copy: CertifiedCopy, matched_on: str) -> Match:
    version = copy.version
    kind = kind_for(version.document)
    status = status_of(kind, version.project, version).status.label if kind else copy.status
    return Match(
        document_title=str(version.content.get("title", version.document)),
        project=version.project.title,
        version=version.number,
        status=status,
        signed_off_by=copy.signed_off_by_label,
        signed_off_on=long_date(copy.signed_off_at),
        content_hash=version.content_hash,
        matched_on=matched_on,
    )


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
        if not row.signed_off:
            continue
        at: dt.datetime | None = row.decided.at
        return Match(
            document_title=str(version.content.get("title", version.document)),
            project=version.project.title,
            version=version.number,
            status=row.status.label,
            signed_off_by=row.decided.by,
            signed_off_on=long_date(at),
            content_hash=version.content_hash,
            matched_on="content",
        )
    return None


def match_hash(digest: str) -> Match | None:
    return match_file_hash(digest) or match_content_hash(digest)
