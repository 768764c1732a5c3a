"""Reads about document versions: their status, who signed them off, and what each page lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from triplewin.core import signoff as core
from triplewin.core.documents import statuses
from triplewin.core.documents.model import SIGNED_OFF, Document, Status
from triplewin.core.documents.normalise import from_content
from triplewin.documents.kinds import Decided, Kind, Signer
from triplewin.documents.models import DocumentVersion
from triplewin.organisations.models import Role
from triplewin.partnerships.models import Project
from triplewin.signoff import selectors as signoff
from triplewin.signoff.sources import Version


def versions_of(project: Project, document: str) -> list[DocumentVersion]:
    return list(
        DocumentVersion.objects.filter(project=project, document=document).order_by("number")
    )


def document_of(version: DocumentVersion) -> Document:
    return from_content(version.content)


class DocumentVersions:
    """Documents certified and approved on the documents pages, as the sign-off engine sees them.

    A generated version is itself the frozen content, so the live hash is the latest version's:
    what changed in the records since shows when the next version is generated (ADR 0009).
    """

    noun = "document"

    def versions(self, project: Project, subject: str) -> list[Version]:
        return [
            Version(number, digest)
            for number, digest in DocumentVersion.objects.filter(project=project, document=subject)
            .order_by("number")
            .values_list("number", "content_hash")
        ]

    def live_hash(self, project: Project, subject: str) -> str:
        found = self.versions(project, subject)
        return found[-1].content_hash if found else ""


def sign_off_of(version: DocumentVersion) -> core.VersionSignOff:
    """Where the engine says this version's sign-off stands."""
    return signoff.sign_off(
        version.project,
        version.kind,
        version.document,
        Version(version.number, version.content_hash),
        live_hash=version.content_hash,
    )


def certification_of(version: DocumentVersion) -> core.ActRecord | None:
    return sign_off_of(version).certification


def partners_still_to_approve(project: Project, version: DocumentVersion) -> list[str]:
    return [d.body.label for d in sign_off_of(version).decisions if not d.approved]


def decided_here(project: Project, version: DocumentVersion) -> Decided:
    """Sign-off recorded in the engine: certified, then approved once every partner agrees."""
    state = sign_off_of(version)
    cert = state.certification
    if cert is None:
        return Decided(Status.DRAFT, record=state)
    status = Status.APPROVED if state.signed_off else Status.CERTIFIED
    signer = Signer(cert.actor_id, cert.organisation_id, Role.CERTIFICATION_SIGNATORY)
    return Decided(status, cert.actor_label, cert.at, signer, state)


def base_status(kind: Kind, project: Project, version: DocumentVersion) -> Decided:
    if kind.signed_off_here:
        return decided_here(project, version)
    found = kind.status_of(project, version.document, version.source_hash, version.content_hash)
    return found or Decided(Status.DRAFT)


@dataclass(frozen=True)
class VersionStatus:
    version: DocumentVersion
    status: Status
    # Who certified or approved it and when, for the footer ("Certified on … by …").
    decided: Decided

    @property
    def signed_off(self) -> bool:
        return self.decided.status in SIGNED_OFF

    @property
    def signed_off_at(self) -> dt.datetime | None:
        return self.decided.at


def statuses_of(
    kind: Kind, project: Project, versions: list[DocumentVersion]
) -> list[VersionStatus]:
    decided = [base_status(kind, project, v) for v in versions]
    shown = statuses.effective([d.status for d in decided])
    return [VersionStatus(v, s, d) for v, s, d in zip(versions, shown, decided, strict=True)]


def status_of(kind: Kind, project: Project, version: DocumentVersion) -> VersionStatus:
    versions = versions_of(project, version.document)
    for row in statuses_of(kind, project, versions):
        if row.version.pk == version.pk:
            return row
    raise DocumentVersion.DoesNotExist(f"{version} is not a version of its document.")
