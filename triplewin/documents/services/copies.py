"""The certified copy: a signed-off version's PDF, rendered once and then only ever re-read."""

from __future__ import annotations

import hashlib

from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.documents.imprint import imprint
from triplewin.documents.kinds import kind_for
from triplewin.documents.models import CertifiedCopy, DocumentVersion
from triplewin.documents.presenters import DocumentView
from triplewin.documents.render.pdf import render_pdf
from triplewin.documents.selectors import VersionStatus, document_of, statuses_of, versions_of
from triplewin.partnerships.models import Project


def view_of(project: Project, version: DocumentVersion) -> DocumentView:
    kind = kind_for(version.document)
    assert kind is not None, version.document
    rows = statuses_of(kind, project, versions_of(project, version.document))
    row = next((r for r in rows if r.version.pk == version.pk), None)
    if row is None:
        raise DocumentVersion.DoesNotExist(f"{version} is not a version of its document.")
    return DocumentView(
        document=document_of(version),
        version=version.number,
        status=row.status,
        content_hash=version.content_hash,
        signed_off_by=row.decided.by,
        signed_off_at=row.decided.at,
        record=row.decided.record,
        changed_since=changed_since(rows, version),
        **imprint(project, version.document, version.number, version.created_at),
    )


def changed_since(rows: list[VersionStatus], version: DocumentVersion) -> int | None:
    """The newest earlier version that was signed off, when this one is not signed off itself."""

    def signed_off(row: VersionStatus) -> bool:
        record = row.decided.record
        return record.signed_off if record is not None else row.signed_off

    this = next(r for r in rows if r.version.pk == version.pk)
    if signed_off(this):
        return None
    earlier = [r for r in rows if r.version.number < version.number and signed_off(r)]
    return earlier[-1].version.number if earlier else None


NOT_RECORDED = "not recorded (imported from the published record)"


@transaction.atomic
def certified_copy_for(*, project: Project, version: DocumentVersion) -> CertifiedCopy | None:
    """The frozen PDF of a signed-off version as its record stands; else None.

    Made the first time it is needed and then only re-read. Each state of the sign-off record
    (certified; approved by everyone; published) has its own copy, so every copy handed out
    still verifies and the newest carries every act (ADR 0026).
    """
    locked = DocumentVersion.objects.select_for_update().get(pk=version.pk)
    view = view_of(project, locked)
    if not view.final:
        return None
    existing = CertifiedCopy.objects.filter(version=locked, record_key=view.record_key).first()
    if existing is not None:
        return existing
    pdf = render_pdf(view)
    copy = CertifiedCopy(
        version=locked,
        status=view.status.value,
        # A summary imported from a published record names nobody; say so rather than fail.
        signed_off_by_label=view.signed_off_by or NOT_RECORDED,
        signed_off_at=view.signed_off_at or timezone.now(),
        content_hash=locked.content_hash,
        record_key=view.record_key,
        pdf=pdf,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
    )
    copy.full_clean()
    copy.save()
    audit.record(
        actor=None,
        action="document.copy_frozen",
        obj=copy,
        project_id=project.pk,
        changes={"pdf_sha256": [None, copy.pdf_sha256], "content_hash": [None, copy.content_hash]},
    )
    return copy
