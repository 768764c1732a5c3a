"""Locking an amendment for a change, after checking the project, its status and version."""

from __future__ import annotations

from collections.abc import Collection

from django.core.exceptions import ValidationError
from django.db.models import F

from triplewin.amendments.models import Amendment, AmendmentStatus
from triplewin.amendments.selectors import may_raise
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project

NOT_IN_STATUS = {
    AmendmentStatus.DRAFT: "This amendment has not been submitted yet.",
    AmendmentStatus.SUBMITTED: "This amendment has been submitted; return it to draft to change it.",
    AmendmentStatus.APPROVED: "This amendment is approved and can no longer change.",
}


def lock_project(project: Project) -> Project:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    problem = may_raise(locked)
    if problem:
        raise ValidationError(problem)
    return locked


def lock_amendment(
    amendment: Amendment,
    *,
    statuses: Collection[str],
    expected_version: int | None = None,
) -> Amendment:
    lock_project(amendment.project)
    locked = Amendment.objects.select_for_update().select_related("project").get(pk=amendment.pk)
    if expected_version is not None and locked.row_version != expected_version:
        raise StaleEdit()
    if locked.status not in statuses:
        raise ValidationError(NOT_IN_STATUS[AmendmentStatus(locked.status)])
    return locked


def touch(amendment: Amendment) -> None:
    """Bump the version, so that anyone editing an older copy is told instead of overwriting."""
    Amendment.objects.filter(pk=amendment.pk).update(row_version=F("row_version") + 1)
    amendment.row_version += 1
