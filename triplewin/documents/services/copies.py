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
from triplewin.documents.selectors import document_of, status_of
from triplewin.partnerships.models import Project


def view_of(project: Project, version: DocumentVersion) -> DocumentView:
    kind = kind_for(version.document)
    assert kind is not None, version.document
    row = status_of(kind, project, version)
    return DocumentView(
        document=document_of(version),
        version=version.number,
        status=row.status,
        content_hash=version.content_hash,
        signed_off_by=row.decided.by,
        signed_off_at=row.decided.at,
        **imprint(project, version.document, version.number, version.created_at),
    )


NOT_RECORDED = "not recorded (imported from the published record)"


@transaction.atomic
def certified_copy_for(*, project: Project, version: DocumentVersion) -> CertifiedCopy | None:
    """The frozen PDF of a signed-off version, made the first time it is needed; else None."""
    existing = CertifiedCopy.objects.filter(version=version).first()
    if existing is not None:
        return existing
    locked = DocumentVersion.objects.select_for_update().get(pk=version.pk)
    existing = CertifiedCopy.objects.filter(version=locked).first()
    if existing is not None:
        return existing
    view = view_of(project, locked)
    if not view.signed_off_text:
        return None
    pdf = render_pdf(view)
    copy = CertifiedCopy(
        version=locked,
        status=view.status.value,
        # A summary imported from a published record names nobody; say so rather than fail.
        signed_off_by_label=view.signed_off_by or NOT_RECORDED,
        signed_off_at=view.signed_off_at or timezone.now(),
        content_hash=locked.content_hash,
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
