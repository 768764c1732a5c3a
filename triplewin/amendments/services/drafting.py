"""Raising an amendment, writing what it changes, and submitting it for sign-off."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from triplewin.amendments.fields import (
    TITLE_LIMIT,
    Amendable,
    Target,
    amendable_fields,
    parse_date,
    type_label,
    type_value,
)
from triplewin.amendments.models import Amendment, AmendmentChange, AmendmentStatus
from triplewin.amendments.selectors import amendment_hash
from triplewin.amendments.services._common import lock_amendment, lock_project, touch
from triplewin.audit import services as audit
from triplewin.core.lifecycle import State
from triplewin.partnerships.models import Project
from triplewin.pid.selectors import current_hash, latest_version

AMENDMENT_FIELDS = (
    "title",
    "reason",
    "impact_timeline",
    "impact_logistics",
    "impact_money",
    "changes_contract",
    "contract_changes",
)
DRAFT = (AmendmentStatus.DRAFT,)


def _apply_fields(amendment: Amendment, project: Project, fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - set(AMENDMENT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown amendment fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(amendment, name, value.strip() if isinstance(value, str) else value)
    if amendment.changes_contract:
        if project.state_enum is State.PID_APPROVED:
            raise ValidationError(
                {
                    "changes_contract": "The agreement is not signed yet, so there is nothing to "
                    "vary: change the draft agreement instead."
                }
            )
        if not amendment.contract_changes:
            raise ValidationError({"contract_changes": "Say what changes in the agreement."})
    else:
        amendment.contract_changes = ""
    amendment.full_clean()


@transaction.atomic
def amendment_create(*, actor: User, project: Project, fields: Mapping[str, Any]) -> Amendment:
    locked = lock_project(project)
    last = Amendment.objects.filter(project=locked).aggregate(n=Max("number"))["n"] or 0
    amendment = Amendment(
        project=locked,
        number=last + 1,
        created_by=actor,
        created_by_label=audit.actor_label(actor),
    )
    _apply_fields(amendment, locked, fields)
    amendment.save()
    audit.record(
        actor=actor,
        action="amendment.raised",
        obj=amendment,
        project_id=locked.pk,
        changes=audit.diff({}, audit.snapshot(amendment, AMENDMENT_FIELDS)),
    )
    return amendment


@transaction.atomic
def amendment_update(
    *,
    actor: User,
    amendment: Amendment,
    fields: Mapping[str, Any],
    expected_version: int | None,
) -> Amendment:
    locked = lock_amendment(amendment, statuses=DRAFT, expected_version=expected_version)
    before = audit.snapshot(locked, AMENDMENT_FIELDS)
    _apply_fields(locked, locked.project, fields)
    changes = audit.diff(before, audit.snapshot(locked, AMENDMENT_FIELDS))
    if changes:
        locked.row_version += 1
        locked.save()
        audit.record(
            actor=actor,
            action="amendment.updated",
            obj=locked,
            project_id=locked.project_id,
            changes=changes,
        )
    return locked


def _find(project: Project, field_key: str) -> Amendable:
    found = next((a for a in amendable_fields(project) if a.key == field_key), None)
    if found is None:
        raise ValidationError({"field_key": "Choose one of the parts of the PID listed."})
    return found


def _check_value(project: Project, field: Amendable, after: str) -> str:
    after = after.strip()
    if not after:
        raise ValidationError({"after": f"Write what {field.label} should say."})
    if field.is_date:
        day = parse_date(after)
        if day is None:
            raise ValidationError({"after": "Enter a real date, like 2027-03-14."})
        start, end = project.planned_start, project.planned_end
        if field.key == "planned_start":
            start = day
        else:
            end = day
        if start and end and end < start:
            raise ValidationError({"after": "The planned end must be on or after the start."})
        after = day.isoformat()
    if field.target is Target.TITLE:
        if "\n" in after or "\r" in after:
            raise ValidationError({"after": "Write the title on one line."})
        if len(after) > TITLE_LIMIT:
            raise ValidationError({"after": f"Keep the title under {TITLE_LIMIT} characters."})
    if field.target is Target.TYPE:
        value = type_value(after)
        if value is None:
            raise ValidationError({"after": "Choose collaborative working or joint working."})
        # Kept as the PID shows it, so the amendment reads the same as the PID beside it.
        after = type_label(value)
    if after == field.current:
        raise ValidationError({"after": f"{field.label} already says this."})
    return after


def _set_change(*, actor: User, locked: Amendment, field: Amendable, value: str) -> AmendmentChange:
    change = AmendmentChange.objects.filter(amendment=locked, field_key=field.key).first()
    previous = change.after if change else None
    change = change or AmendmentChange(amendment=locked, field_key=field.key)
    change.section_title = field.section_title
    change.field_label = field.label
    change.before = field.current
    change.after = value
    change.full_clean()
    change.save()
    audit.record(
        actor=actor,
        action="amendment.change_set",
        obj=locked,
        project_id=locked.project_id,
        changes={f"{field.section_title}: {field.label}": [previous or field.current, value]},
    )
    return change


def _remove_change(*, actor: User, locked: Amendment, change: AmendmentChange) -> None:
    audit.record(
        actor=actor,
        action="amendment.change_removed",
        obj=locked,
        project_id=locked.project_id,
        changes={f"{change.section_title}: {change.field_label}": [change.after, None]},
    )
    change.delete()


@transaction.atomic
def amendment_change_set(
    *,
    actor: User,
    amendment: Amendment,
    field_key: str,
    after: str,
    expected_version: int | None = None,
) -> AmendmentChange:
    """Say what one part of the PID should become; a second change to it replaces the first."""
    locked = lock_amendment(amendment, statuses=DRAFT, expected_version=expected_version)
    field = _find(locked.project, field_key)
    value = _check_value(locked.project, field, after)
    change = _set_change(actor=actor, locked=locked, field=field, value=value)
    touch(locked)
    return change


def _unchanged(field: Amendable, after: str) -> bool:
    """Whether the text sent is what the PID says now (browsers end lines with CR LF)."""
    text = after.replace("\r\n", "\n").strip()
    if not text and not field.current.strip():
        return True
    if field.is_date:
        day = parse_date(text)
        return day is not None and day.isoformat() == field.current
    if field.target is Target.TYPE:
        value = type_value(text)
        return value is not None and type_label(value) == field.current
    return text == field.current.replace("\r\n", "\n").strip()


@transaction.atomic
def amendment_changes_save(
    *,
    actor: User,
    amendment: Amendment,
    afters: Mapping[str, str],
    expected_version: int | None = None,
) -> tuple[int, int]:
    """Every part of the PID an amendment changes, from one page.

    `afters` maps a field's key to the text it should say after the amendment. A field sent as
    the PID says it now has no change (a change already recorded for it is taken back); any
    other is checked and set as `amendment_change_set` does, each audited. One bad field
    refuses the lot, with each problem under `after-<key>`. Returns (set, taken back).
    """
    locked = lock_amendment(amendment, statuses=DRAFT, expected_version=expected_version)
    existing = {c.field_key: c for c in AmendmentChange.objects.filter(amendment=locked)}
    values: dict[str, tuple[Amendable, str]] = {}
    problems: dict[str, list[str]] = {}
    fields = amendable_fields(locked.project)
    for field in fields:
        after = afters.get(field.key)
        if after is None or _unchanged(field, after):
            continue
        try:
            values[field.key] = (field, _check_value(locked.project, field, after))
        except ValidationError as refused:
            problems[f"after-{field.key}"] = refused.messages
    if problems:
        raise ValidationError(problems)
    unknown = set(afters) - {f.key for f in fields}
    if unknown:
        raise ValidationError("Choose one of the parts of the PID listed.")
    set_count = 0
    for key, (field, value) in values.items():
        if key in existing and existing[key].after == value:
            continue
        _set_change(actor=actor, locked=locked, field=field, value=value)
        set_count += 1
    taken_back = [change for key, change in existing.items() if key in afters and key not in values]
    for change in taken_back:
        _remove_change(actor=actor, locked=locked, change=change)
    if set_count or taken_back:
        touch(locked)
    return set_count, len(taken_back)


@transaction.atomic
def amendment_change_remove(*, actor: User, amendment: Amendment, change: AmendmentChange) -> None:
    locked = lock_amendment(amendment, statuses=DRAFT)
    if change.amendment_id != locked.pk:
        raise ValidationError("That change belongs to another amendment.")
    _remove_change(actor=actor, locked=locked, change=change)
    touch(locked)


@transaction.atomic
def amendment_submit(
    *,
    actor: User,
    amendment: Amendment,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> Amendment:
    """Freeze the amendment against the PID as it stands, for certification and approval."""
    locked = lock_amendment(amendment, statuses=DRAFT, expected_version=expected_version)
    project = locked.project
    changes = list(locked.changes.all())
    if not changes:
        raise ValidationError("Say what the amendment changes in the PID before submitting it.")
    current = {a.key: a for a in amendable_fields(project)}
    for change in changes:
        field = current.get(change.field_key)
        if field is None:
            raise ValidationError(
                f"{change.field_label} is no longer part of the PID; remove that change."
            )
        if field.current == change.after:
            raise ValidationError(f"{change.field_label} already says what the change proposes.")
        if field.current != change.before:
            # Written against older text: the approvers must see what it says now.
            change.before = field.current
            change.save(update_fields=["before"])
    locked.base_version = latest_version(project)
    locked.base_hash = current_hash(project)
    locked.content_hash = amendment_hash(locked, locked.base_hash)
    locked.submitted_on = today or timezone.localdate()
    locked.status = AmendmentStatus.SUBMITTED
    locked.row_version += 1
    locked.save()
    audit.record(
        actor=actor,
        action="amendment.submitted",
        obj=locked,
        project_id=project.pk,
        changes={
            "status": [AmendmentStatus.DRAFT.value, AmendmentStatus.SUBMITTED.value],
            "content_hash": [None, locked.content_hash],
        },
    )
    return locked


@transaction.atomic
def amendment_reopen(
    *, actor: User, amendment: Amendment, expected_version: int | None = None
) -> Amendment:
    """Back to draft, to revise it after a rejection or because the PID has changed since."""
    locked = lock_amendment(
        amendment, statuses=(AmendmentStatus.SUBMITTED,), expected_version=expected_version
    )
    previous_hash = locked.content_hash
    locked.status = AmendmentStatus.DRAFT
    locked.content_hash = ""
    locked.row_version += 1
    locked.save()
    audit.record(
        actor=actor,
        action="amendment.reopened",
        obj=locked,
        project_id=locked.project_id,
        changes={
            "status": [AmendmentStatus.SUBMITTED.value, AmendmentStatus.DRAFT.value],
            "content_hash": [previous_hash, None],
        },
    )
    return locked
