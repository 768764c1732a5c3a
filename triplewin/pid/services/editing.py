"""Editing the PID's own fields and each party's responsibilities on termination."""

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
from triplewin.pid.models import PID_FIELDS, Pid, PidPartyResponsibility
from triplewin.submissions.versions import UNSAVED

# Written once the concept is approved; frozen once the agreement is signed, after which
# changes go through an amendment.
EDITABLE_IN = frozenset({State.CONCEPT_APPROVED, State.SETUP, State.PID_APPROVED})


def lock_editable(project: Project) -> Project:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if locked.state_enum not in EDITABLE_IN:
        raise ValidationError(
            "The PID can be written once the concept is approved, and is frozen once the "
            "agreement is signed; later changes go through an amendment."
        )
    return locked


def _pid_for_edit(project: Project, expected_version: int | None) -> tuple[Pid, bool]:
    pid, created = Pid.objects.get_or_create(project=project)
    current = UNSAVED if created else pid.row_version
    if expected_version is not None and current != expected_version:
        raise StaleEdit()
    return pid, created


def _record(actor: User, action: str, pid: Pid, project: Project, changes: audit.Changes) -> None:
    pid.row_version += 1
    pid.save()
    audit.record(actor=actor, action=action, obj=pid, project_id=project.pk, changes=changes)


@transaction.atomic
def pid_save(
    *,
    actor: User,
    project: Project,
    fields: Mapping[str, Any],
    expected_version: int | None,
) -> Pid:
    return save_fields_locked(
        actor=actor, locked=lock_editable(project), fields=fields, expected_version=expected_version
    )


def save_fields_locked(
    *, actor: User, locked: Project, fields: Mapping[str, Any], expected_version: int | None
) -> Pid:
    """pid_save's work on a project row the caller has locked and checked (an amendment)."""
    unknown = set(fields) - set(PID_FIELDS)
    if unknown:
        raise TypeError(f"Unknown PID fields: {sorted(unknown)}")
    pid, created = _pid_for_edit(locked, expected_version)
    before = audit.snapshot(pid, PID_FIELDS)
    for name, value in fields.items():
        setattr(pid, name, value.strip() if isinstance(value, str) else value)
    pid.full_clean()
    changes = audit.diff(before, audit.snapshot(pid, PID_FIELDS))
    if changes or created:
        _record(actor, "pid.saved", pid, locked, changes)
    return pid


@transaction.atomic
def pid_responsibilities_save(
    *,
    actor: User,
    project: Project,
    texts: Mapping[int, str],
    expected_version: int | None,
) -> Pid:
    """Set what each partner (by organisation id) must do if the project is terminated."""
    return save_responsibilities_locked(
        actor=actor, locked=lock_editable(project), texts=texts, expected_version=expected_version
    )


def save_responsibilities_locked(
    *, actor: User, locked: Project, texts: Mapping[int, str], expected_version: int | None
) -> Pid:
    """pid_responsibilities_save's work on a project row the caller has locked and checked."""
    partners = {
        p.organisation_id: p.organisation for p in locked.partners.select_related("organisation")
    }
    strangers = set(texts) - set(partners)
    if strangers:
        raise ValidationError(
            "Responsibilities were given for an organisation that is not a partner."
        )
    pid, created = _pid_for_edit(locked, expected_version)
    existing = {r.organisation_id: r for r in pid.party_responsibilities.all()}
    changes: audit.Changes = {}
    for org_id, value in texts.items():
        row = existing.get(org_id) or PidPartyResponsibility(pid=pid, organisation=partners[org_id])
        before = row.text
        row.text = value.strip()
        row.full_clean()
        if row.text != before or row.pk is None:
            row.save()
        if row.text != before:
            changes[partners[org_id].name] = [before or None, row.text or None]
    if changes or created:
        _record(actor, "pid.responsibilities_saved", pid, locked, changes)
    return pid
