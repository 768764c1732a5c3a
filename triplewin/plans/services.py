"""Writes for the plans: add, change and remove one entry, each audited."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from triplewin.audit import services as audit
from triplewin.core.lifecycle import State
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project
from triplewin.plans.models import PlanEntry
from triplewin.plans.registry import PLANS_BY_SLUG, PlanSpec, spec_for

# The plans are drawn up in set-up and may be kept current until delivery starts.
EDITABLE_IN = frozenset(
    {
        State.CONCEPT_APPROVED,
        State.SETUP,
        State.PID_APPROVED,
        State.AGREEMENT_SIGNED,
        State.SUMMARY_PUBLISHED,
    }
)
# Plans kept current through delivery (the sustainability and handover plan) stay open until
# the project is completed, when the SUSTAINABILITY-PLAN rule checks them.
EDITABLE_IN_DELIVERY = EDITABLE_IN | {State.IN_DELIVERY}
NOT_EDITABLE = (
    "The plans are written once the concept is approved and can change until delivery starts. "
    "After that, changes go through a project amendment."
)
NOT_EDITABLE_IN_DELIVERY = (
    "This plan can be written from concept approval until delivery ends. After that, changes "
    "go through a project amendment."
)


def editable_states(spec: PlanSpec) -> frozenset[State]:
    return EDITABLE_IN_DELIVERY if spec.open_in_delivery else EDITABLE_IN


def _lock(project_id: int, spec: PlanSpec) -> Project:
    locked = Project.objects.select_for_update().get(pk=project_id)
    if locked.state_enum not in editable_states(spec):
        raise ValidationError(NOT_EDITABLE_IN_DELIVERY if spec.open_in_delivery else NOT_EDITABLE)
    return locked


def _apply(spec: PlanSpec, entry: PlanEntry, fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - set(spec.fields)
    if unknown:
        raise TypeError(f"Unknown {spec.name} fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(entry, name, value.strip() if isinstance(value, str) else value)
    errors = {
        name: message
        for name, message in spec.required.items()
        if not str(getattr(entry, name) or "").strip()
    }
    if errors:
        raise ValidationError(errors)
    entry.full_clean(exclude=["project"])


def _snapshot(spec: PlanSpec, entry: PlanEntry) -> dict[str, Any]:
    return audit.snapshot(entry, spec.fields)


def _current(entry: PlanEntry, expected_version: int | None) -> PlanEntry:
    current = type(entry)._default_manager.select_for_update().get(pk=entry.pk)
    if expected_version is not None and current.row_version != expected_version:
        raise StaleEdit()
    return current


@transaction.atomic
def plan_entry_add(
    *, actor: User, project: Project, plan: str, fields: Mapping[str, Any]
) -> PlanEntry:
    spec = PLANS_BY_SLUG[plan]
    locked = _lock(project.pk, spec)
    entry = spec.model(project=locked)
    _apply(spec, entry, fields)
    entry.save()
    audit.record(
        actor=actor,
        action=f"plans.{plan}.added",
        obj=entry,
        project_id=locked.pk,
        changes=audit.diff({}, _snapshot(spec, entry)),
    )
    return entry


@transaction.atomic
def plan_entry_update(
    *,
    actor: User,
    entry: PlanEntry,
    fields: Mapping[str, Any],
    expected_version: int | None,
) -> PlanEntry:
    spec = spec_for(entry)
    locked = _lock(entry.project_id, spec)
    current = _current(entry, expected_version)
    before = _snapshot(spec, current)
    _apply(spec, current, fields)
    changes = audit.diff(before, _snapshot(spec, current))
    if not changes:
        return current
    current.row_version += 1
    current.save()
    audit.record(
        actor=actor,
        action=f"plans.{spec.slug}.updated",
        obj=current,
        project_id=locked.pk,
        changes=changes,
    )
    return current


@transaction.atomic
def plan_entry_remove(
    *, actor: User, entry: PlanEntry, expected_version: int | None = None
) -> None:
    spec = spec_for(entry)
    locked = _lock(entry.project_id, spec)
    current = _current(entry, expected_version)
    audit.record(
        actor=actor,
        action=f"plans.{spec.slug}.removed",
        obj=current,
        project_id=locked.pk,
        changes=audit.diff(_snapshot(spec, current), {}),
    )
    current.delete()
