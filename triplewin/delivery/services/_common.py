"""When delivery records may change, and the add/update steps the three logs share."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from triplewin.audit import services as audit
from triplewin.core.lifecycle import STATES, State
from triplewin.delivery.models import Issue, Milestone, Risk
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project

# Milestones, risks and issues are kept from scoping onwards: the guidance wants issue and risk
# management from the concept on, and milestones in the plan the PID sets out. They are kept
# through delivery and closed off after completion (a last risk closed, a milestone's actual
# date corrected).
DELIVERY_IN = frozenset(
    {
        State.SCOPING,
        State.CONCEPT_APPROVED,
        State.SETUP,
        State.PID_APPROVED,
        State.AGREEMENT_SIGNED,
        State.SUMMARY_PUBLISHED,
        State.IN_DELIVERY,
        State.COMPLETED,
    }
)

Row = TypeVar("Row", Milestone, Risk, Issue)


def delivery_open(project: Project) -> bool:
    return project.state_enum in DELIVERY_IN


def require_delivery_open(project: Project) -> None:
    if not delivery_open(project):
        label = STATES[project.state_enum].label.lower()
        raise ValidationError(
            f"Milestones, risks and issues cannot change while the project is '{label}'. They "
            "are kept from scoping until the project is completed."
        )


def lock_project(project: Project) -> Project:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    require_delivery_open(locked)
    return locked


def _clean_values(fields: Mapping[str, Any], names: Sequence[str]) -> dict[str, Any]:
    unknown = set(fields) - set(names)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    return {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}


def add_row(
    *,
    actor: User,
    project: Project,
    row: Row,
    fields: Mapping[str, Any],
    names: Sequence[str],
    action: str,
) -> Row:
    """Fill an unsaved row of `project`'s log, check it and save it with an audit event."""
    locked = lock_project(project)
    for name, value in _clean_values(fields, names).items():
        setattr(row, name, value)
    row.project = locked
    row.full_clean()
    row.save()
    audit.record(
        actor=actor,
        action=action,
        obj=row,
        project_id=locked.pk,
        changes=audit.diff({}, audit.snapshot(row, names)),
    )
    return row


def update_row(
    *,
    actor: User,
    project: Project,
    row: Row,
    fields: Mapping[str, Any],
    names: Sequence[str],
    expected_version: int | None,
    action: str,
) -> Row:
    """Change a row of `project`'s log unless someone else saved it since it was read."""
    values = _clean_values(fields, names)
    lock_project(project)
    locked = type(row).objects.select_for_update().get(pk=row.pk)
    if locked.project_id != project.pk:
        raise ValidationError("That record belongs to another project.")
    if expected_version is not None and locked.row_version != expected_version:
        raise StaleEdit()
    before = audit.snapshot(locked, names)
    for name, value in values.items():
        setattr(locked, name, value)
    locked.full_clean()
    changes = audit.diff(before, audit.snapshot(locked, names))
    if not changes:
        return locked
    locked.row_version += 1
    locked.save()
    audit.record(actor=actor, action=action, obj=locked, project_id=project.pk, changes=changes)
    return locked
