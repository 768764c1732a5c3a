"""Uploading a signed copy: checked by content, stored privately, never replaced."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import uuid

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from triplewin.agreement.models import Agreement, SignedCopy
from triplewin.agreement.pdf import pdf_problem, too_large
from triplewin.agreement.services.record import lock_editable
from triplewin.audit import services as audit
from triplewin.core.input_guard import safe_filename
from triplewin.operations.storage import STORAGE_ERRORS, UNAVAILABLE, private_storage
from triplewin.partnerships.models import Project

logger = logging.getLogger(__name__)


def _safe_name(name: str) -> str:
    return safe_filename(name, default="signed-agreement.pdf", limit=255)


def _checked_pdf(upload: UploadedFile) -> bytes:
    limit: int = settings.MAX_UPLOAD_BYTES
    if upload.size is not None and upload.size > limit:
        # Refused before reading, so an oversized file is never held in memory.
        raise ValidationError({"file": too_large(limit)})
    content: bytes = upload.read(limit + 1)
    problem = pdf_problem(content, max_bytes=limit)
    if problem:
        raise ValidationError({"file": problem})
    return content


def signed_copy_upload(*, actor: User, project: Project, upload: UploadedFile) -> SignedCopy:
    # The PDF is read before the transaction opens: on SQLite an open transaction holds the
    # write lock for everyone, and reading a large PDF takes a while (ADR 0016).
    content = _checked_pdf(upload)
    with transaction.atomic():
        return _store(actor=actor, project=project, upload=upload, content=content)


def _store(*, actor: User, project: Project, upload: UploadedFile, content: bytes) -> SignedCopy:
    locked = lock_editable(project.pk)
    agreement = Agreement.objects.filter(project=locked).first()
    if agreement is None:
        raise ValidationError(
            "Record the agreement and its parties before uploading a signed copy."
        )
    storage = private_storage()
    # A fresh random name, so the storage keeps it as given and a failed write can be found.
    name = f"agreements/{locked.pk}/{uuid.uuid4().hex}.pdf"
    try:
        stored = storage.save(name, ContentFile(content))
    except STORAGE_ERRORS:
        # Raised inside the transaction, so no record is left pointing at a missing file. A
        # full disk leaves the part it wrote: remove it, so nothing half-written stays either.
        logger.warning("Storing a signed copy failed", exc_info=True)
        with contextlib.suppress(*STORAGE_ERRORS):
            storage.delete(name)
        raise ValidationError({"file": UNAVAILABLE}) from None
    try:
        copy = SignedCopy.objects.create(
            agreement=agreement,
            stored_name=stored,
            original_name=_safe_name(upload.name or ""),
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            uploaded_by=actor,
            uploaded_by_label=audit.actor_label(actor),
        )
        audit.record(
            actor=actor,
            action="agreement.signed_copy_uploaded",
            obj=copy,
            project_id=locked.pk,
            changes={
                "original_name": [None, copy.original_name],
                "sha256": [None, copy.sha256],
                "size": [None, copy.size],
            },
        )
    except Exception:
        # Best effort: the record is what matters, and it is rolled back with the error.
        with contextlib.suppress(*STORAGE_ERRORS):
            storage.delete(stored)
        raise
    return copy
