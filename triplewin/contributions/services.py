"""Writes for what each party brings: add, change and remove, each audited."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from triplewin.audit import services as audit
from triplewin.contributions.models import Contribution, Kind
from triplewin.core.lifecycle import State
from triplewin.organisations.models import Organisation
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project

# From the approved concept until delivery starts; after that, changes go through amendments.
EDITABLE_IN = frozenset(
    {
        State.CONCEPT_APPROVED,
        State.SETUP,
        State.PID_APPROVED,
        State.AGREEMENT_SIGNED,
        State.SUMMARY_PUBLISHED,
    }
)
FIELDS = (
    "organisation",
    "kind",
    "description",
    "role",
    "hours",
    "value",
    "is_funded_post",
    "under_nhs_control",
    "exit_strategy",
    "beyond_normal_roles",
    "retention_precautions",
    "employment_law_confirmed",
)
NOT_EDITABLE = (
    "Contributions are recorded once the concept is approved and can change until delivery "
    "starts. After that, changes go through a project amendment."
)


def _lock(project: Project) -> Project:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if locked.state_enum not in EDITABLE_IN:
        raise ValidationError(NOT_EDITABLE)
    return locked


def _apply(contribution: Contribution, fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"Unknown contribution fields: {sorted(unknown)}")
    for name, value in fields.items():
        if isinstance(value, str):
            value = value.strip()
        setattr(contribution, name, value)
    if not contribution.is_funded_post:
        # Control and exit only mean something for a post paid for with industry money.
        contribution.under_nhs_control = False
        contribution.exit_strategy = ""
        contribution.beyond_normal_roles = ""
        contribution.retention_precautions = ""
        contribution.employment_law_confirmed = False


def _validate(project: Project, c: Contribution) -> None:
    errors: dict[str, str] = {}
    organisation: Organisation | None = c.organisation if c.organisation_id else None
    if organisation is None:
        errors["organisation"] = "Choose the partner organisation that brings this."
    elif not project.partners.filter(organisation=organisation).exists():
        errors["organisation"] = (
            f"{organisation} is not a partner in this project, so it cannot record a "
            "contribution. Add it as a partner first, or choose one of the partners."
        )
    if c.kind not in Kind.values:
        errors["kind"] = "Choose what kind of contribution this is."
    if not c.description.strip():
        errors["description"] = "Describe what is being contributed."
    if c.hours is not None and c.hours < 0:
        errors["hours"] = "Hours cannot be negative."
    if c.value is not None and c.value < 0:
        errors["value"] = (
            "The value cannot be negative. Leave it empty if the contribution has not been valued."
        )
    if c.kind == Kind.STAFF_TIME:
        if not c.role:
            errors["role"] = (
                "Say which role gives the staff time, for example 'Practice pharmacist'."
            )
        if c.hours is None or (c.hours <= 0 and "hours" not in errors):
            errors["hours"] = "Enter the number of hours of staff time, for example 150."
    if c.is_funded_post and not c.under_nhs_control:
        errors["under_nhs_control"] = (
            "A post paid for by a company must stay under NHS control: the NHS decides who holds "
            "it and directs the work. Confirm that it does, or do not record it as a funded post."
        )
    if errors:
        raise ValidationError(errors)
    c.full_clean()


def _snapshot(c: Contribution) -> dict[str, Any]:
    return audit.snapshot(c, FIELDS)


@transaction.atomic
def contribution_add(*, actor: User, project: Project, fields: Mapping[str, Any]) -> Contribution:
    locked = _lock(project)
    contribution = Contribution(project=locked)
    _apply(contribution, fields)
    _validate(locked, contribution)
    contribution.save()
    audit.record(
        actor=actor,
        action="contribution.added",
        obj=contribution,
        project_id=locked.pk,
        changes=audit.diff({}, _snapshot(contribution)),
    )
    return contribution


@transaction.atomic
def contribution_update(
    *,
    actor: User,
    contribution: Contribution,
    fields: Mapping[str, Any],
    expected_version: int | None,
) -> Contribution:
    locked = _lock(contribution.project)
    current = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if expected_version is not None and current.row_version != expected_version:
        raise StaleEdit()
    before = _snapshot(current)
    _apply(current, fields)
    _validate(locked, current)
    changes = audit.diff(before, _snapshot(current))
    if not changes:
        return current
    current.row_version += 1
    current.save()
    audit.record(
        actor=actor,
        action="contribution.updated",
        obj=current,
        project_id=locked.pk,
        changes=changes,
    )
    return current


@transaction.atomic
def contribution_remove(
    *, actor: User, contribution: Contribution, expected_version: int | None = None
) -> None:
    locked = _lock(contribution.project)
    current = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if expected_version is not None and current.row_version != expected_version:
        raise StaleEdit()
    audit.record(
        actor=actor,
        action="contribution.removed",
        obj=current,
        project_id=locked.pk,
        changes=audit.diff(_snapshot(current), {}),
    )
    current.delete()
