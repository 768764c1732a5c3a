"""Recording versions: generated on request, or recorded when a framework app signs off."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from triplewin.audit import services as audit
from triplewin.core.documents.normalise import content_hash, to_content
from triplewin.documents.kinds import KINDS, Kind, Snapshot, kind_for
from triplewin.documents.models import DocumentVersion
from triplewin.partnerships.models import Project


def resolve(project: Project, document: str) -> Kind:
    """The kind of a document this project really has; anything else is a plain refusal."""
    kind = kind_for(document)
    if kind is None or document not in {s.key for s in kind.subjects(project)}:
        raise ValidationError("This project has no such document.")
    return kind


def _record(
    *,
    actor: User | None,
    project: Project,
    kind: Kind,
    document: str,
    snapshot: Snapshot,
    action: str,
) -> DocumentVersion:
    latest = (
        DocumentVersion.objects.filter(project=project, document=document)
        .order_by("-number")
        .first()
    )
    version = DocumentVersion(
        project=project,
        kind=kind.key,
        document=document,
        number=latest.number + 1 if latest else 1,
        content=to_content(snapshot.document),
        content_hash=content_hash(snapshot.document),
        source_hash=snapshot.source_hash,
        created_by=actor,
        created_by_label=audit.actor_label(actor),
    )
    version.full_clean()
    version.save()
    audit.record(
        actor=actor,
        action=action,
        obj=version,
        project_id=project.pk,
        changes={
            "document": [None, document],
            "version": [latest.number if latest else None, version.number],
            "content_hash": [latest.content_hash if latest else None, version.content_hash],
        },
    )
    return version


@transaction.atomic
def document_generate(
    *, actor: User, project: Project, document: str
) -> tuple[DocumentVersion, bool]:
    """A new version from the records as they stand; (latest, False) when nothing changed."""
    locked = Project.objects.select_for_update().get(pk=project.pk)
    kind = resolve(locked, document)
    snapshot = kind.current(locked, document)
    digest = content_hash(snapshot.document)
    latest = (
        DocumentVersion.objects.filter(project=locked, document=document)
        .order_by("-number")
        .first()
    )
    if (
        latest is not None
        and latest.content_hash == digest
        and latest.source_hash == snapshot.source_hash
    ):
        return latest, False
    version = _record(
        actor=actor,
        project=locked,
        kind=kind,
        document=document,
        snapshot=snapshot,
        action="document.version_generated",
    )
    return version, True


@transaction.atomic
def document_sync(*, project: Project, actor: User | None = None) -> list[DocumentVersion]:
    """Record as versions any content a framework app has signed off that has none yet.

    Certification of the PID, the summaries, amendments and minutes happens in their own apps;
    this makes each signed-off text a document version too, so it can be downloaded, packed
    and verified. Idempotent: content already held by a version is skipped.
    """
    locked = Project.objects.select_for_update().get(pk=project.pk)
    created = []
    for kind in KINDS:
        if kind.signed_off_here:
            continue
        for subject in kind.subjects(locked):
            existing = DocumentVersion.objects.filter(project=locked, document=subject.key)
            held = {(v.content_hash, v.source_hash) for v in existing}
            for snapshot in kind.signed_off(locked, subject.key):
                if (content_hash(snapshot.document), snapshot.source_hash) in held:
                    continue
                created.append(
                    _record(
                        actor=actor,
                        project=locked,
                        kind=kind,
                        document=subject.key,
                        snapshot=snapshot,
                        action="document.version_recorded",
                    )
                )
    return created
