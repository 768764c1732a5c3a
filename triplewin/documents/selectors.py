"""Reads about document versions: their status, who signed them off, and what each page lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from triplewin.core.documents import statuses
from triplewin.core.documents.model import SIGNED_OFF, Document, Status
from triplewin.core.documents.normalise import from_content
from triplewin.documents.kinds import Decided, Kind, Signer
from triplewin.documents.models import DocumentApproval, DocumentCertification, DocumentVersion
from triplewin.organisations.models import Role
from triplewin.partnerships.models import Project


def versions_of(project: Project, document: str) -> list[DocumentVersion]:
    return list(
        DocumentVersion.objects.filter(project=project, document=document).order_by("number")
    )


def document_of(version: DocumentVersion) -> Document:
    return from_content(version.content)


def certification_of(version: DocumentVersion) -> DocumentCertification | None:
    return (
        DocumentCertification.objects.filter(version=version, content_hash=version.content_hash)
        .order_by("at", "id")
        .first()
    )


def approvals_of(version: DocumentVersion) -> list[DocumentApproval]:
    return list(
        DocumentApproval.objects.filter(version=version, content_hash=version.content_hash)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def partners_still_to_approve(project: Project, version: DocumentVersion) -> list[str]:
    done = {a.organisation_id for a in approvals_of(version)}
    return [
        p.organisation.name
        for p in project.partners.select_related("organisation").order_by("organisation__name")
        if p.organisation_id not in done
    ]


def decided_here(project: Project, version: DocumentVersion) -> Decided:
    """Sign-off recorded in this engine: certified, then approved once every partner agrees."""
    cert = certification_of(version)
    if cert is None:
        return Decided(Status.DRAFT)
    status = Status.CERTIFIED if partners_still_to_approve(project, version) else Status.APPROVED
    signer = Signer(cert.certified_by_id, cert.organisation_id, Role.CERTIFICATION_SIGNATORY)
    return Decided(status, cert.certified_by_label, cert.at, signer)


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
