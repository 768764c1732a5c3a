"""Versions of framework documents and frozen certified copies.

Every row is immutable. A version holds its normalised content and that content's hash; the
status it shows is worked out from the sign-off engine's acts (`triplewin.signoff`) by
`triplewin.documents.selectors`, so no status field can drift from the decisions.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from triplewin.partnerships.models import Immutable


class DocumentVersion(Immutable):
    project = models.ForeignKey(
        "partnerships.Project", on_delete=models.PROTECT, related_name="document_versions"
    )
    kind = models.CharField(max_length=32)
    # Which document of that kind: the kind itself, or e.g. "minutes-12" for one meeting.
    document = models.CharField(max_length=64)
    number = models.PositiveIntegerField()
    content = models.JSONField()
    content_hash = models.CharField(max_length=64, db_index=True)
    # The hash the framework's own app bound its sign-off to, when it has one (PID, concept…).
    source_hash = models.CharField(max_length=64, blank=True)
    # Empty when the version was recorded from a sign-off in the framework's own app.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by_label = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("document", "number")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "document", "number"], name="unique_document_version_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document} version {self.number}"


class CertifiedCopy(Immutable):
    """The PDF of a signed-off version, rendered once and kept: never regenerated or served by URL.

    The bytes live in the database, so the copy and its hash are backed up, restored and
    protected together with the decisions they prove; only an access-checked view reads them.
    """

    version = models.ForeignKey(
        DocumentVersion, on_delete=models.PROTECT, related_name="certified_copies"
    )
    status = models.CharField(max_length=16)
    # Which state of the version's sign-off record the copy prints (ADR 0026): a copy is kept
    # when the version is certified and another once each later act completes the record, so
    # every copy ever handed out still verifies and the newest carries every approval. Empty
    # for copies kept before the record was printed, one per version.
    record_key = models.CharField(max_length=64, blank=True, default="")
    signed_off_by_label = models.CharField(max_length=255)
    signed_off_at = models.DateTimeField()
    content_hash = models.CharField(max_length=64)
    pdf = models.BinaryField()
    pdf_sha256 = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "certified copies"
        ordering = ("created_at", "id")
        constraints = [
            models.UniqueConstraint(
                fields=("version", "record_key"), name="one_certified_copy_per_record_state"
            )
        ]

    def __str__(self) -> str:
        return f"Certified copy of {self.version}"
