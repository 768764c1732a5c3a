"""Writes for the after-action review: add, change and remove its entries."""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from triplewin.audit import services as audit
from triplewin.learning.models import ReviewEntry
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project

REVIEW_FIELDS = ("topic", "principle", "planned", "happened", "why", "sustain", "improve")


def _require_editor(actor: User, project: Project) -> Project:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if not access.can_edit(actor, locked):
        raise PermissionDenied(
            "Only the partnership leads of a partner organisation can change the review."
        )
    return locked


def _entry(project: Project, entry_id: int) -> ReviewEntry:
    entry = ReviewEntry.objects.select_for_update().filter(project=project, pk=entry_id).first()
    if entry is None:
        raise ValidationError("That entry is not part of this project's review.")
    return entry


def _apply(entry: ReviewEntry, fields: Mapping[str, str]) -> None:
    unknown = set(fields) - set(REVIEW_FIELDS)
    if unknown:
        raise TypeError(f"Unknown review fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(entry, name, value.strip())
    entry.full_clean()


@transaction.atomic
def review_entry_add(*, actor: User, project: Project, fields: Mapping[str, str]) -> ReviewEntry:
    locked = _require_editor(actor, project)
    entry = ReviewEntry(project=locked, recorded_by=actor)
    _apply(entry, fields)
    entry.save()
    audit.record(
        actor=actor,
        action="review.entry_added",
        obj=entry,
        project_id=locked.pk,
        changes=audit.diff({}, audit.snapshot(entry, REVIEW_FIELDS)),
    )
    return entry


@transaction.atomic
def review_entry_update(
    *,
    actor: User,
    project: Project,
    entry_id: int,
    fields: Mapping[str, str],
    expected_version: int | None,
) -> ReviewEntry:
    locked = _require_editor(actor, project)
    entry = _entry(locked, entry_id)
    if expected_version is not None and entry.row_version != expected_version:
        raise StaleEdit()
    before = audit.snapshot(entry, REVIEW_FIELDS)
    _apply(entry, fields)
    changes = audit.diff(before, audit.snapshot(entry, REVIEW_FIELDS))
    if changes:
        entry.row_version += 1
        entry.save()
        audit.record(
            actor=actor,
            action="review.entry_changed",
            obj=entry,
            project_id=locked.pk,
            changes=changes,
        )
    return entry


@transaction.atomic
def review_entry_delete(*, actor: User, project: Project, entry_id: int) -> None:
    locked = _require_editor(actor, project)
    entry = _entry(locked, entry_id)
    audit.record(
        actor=actor,
        action="review.entry_removed",
        obj=entry,
        project_id=locked.pk,
        changes=audit.diff(audit.snapshot(entry, REVIEW_FIELDS), {}),
    )
    entry.delete()
