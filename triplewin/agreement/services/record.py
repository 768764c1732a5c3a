"""Creating and changing the agreement record itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.agreement.models import Agreement
from triplewin.agreement.selectors import TERMS_FIELDS
from triplewin.audit import services as audit
from triplewin.core.lifecycle import State
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project, WorkingType

# The agreement is drafted in set-up, signed after the PID is approved, and then complete.
EDITABLE_IN = frozenset({State.SETUP, State.PID_APPROVED, State.AGREEMENT_SIGNED})
NOT_EDITABLE = (
    "The agreement can be recorded from the start of set-up until it is signed. Later changes "
    "need a variation agreement, recorded through a project amendment."
)
AGREEMENT_FIELDS = TERMS_FIELDS
MAX_TERM_MONTHS = 120


def lock_editable(project_id: int) -> Project:
    locked = Project.objects.select_for_update().get(pk=project_id)
    if locked.state_enum not in EDITABLE_IN:
        raise ValidationError(NOT_EDITABLE)
    return locked


def agreement_for(actor: User, project: Project) -> Agreement:
    """The project's agreement, created (and audited) the first time something needs it."""
    existing = Agreement.objects.filter(project=project).first()
    if existing is not None:
        return existing
    agreement = Agreement(
        project=project, working_type=project.intended_type or WorkingType.COLLABORATIVE
    )
    agreement.full_clean()
    agreement.save()
    audit.record(
        actor=actor,
        action="agreement.created",
        obj=agreement,
        project_id=project.pk,
        changes={"working_type": [None, agreement.working_type]},
    )
    return agreement


def _check(agreement: Agreement) -> None:
    errors: dict[str, str] = {}
    if agreement.working_type not in WorkingType.values:
        errors["working_type"] = "Choose collaborative working or joint working."
    if agreement.term_months is not None and not 1 <= agreement.term_months <= MAX_TERM_MONTHS:
        errors["term_months"] = f"Enter a term between 1 and {MAX_TERM_MONTHS} months."
    latest = timezone.localdate() + dt.timedelta(days=3660)
    if agreement.agreement_date is not None and not (
        dt.date(2000, 1, 1) <= agreement.agreement_date <= latest
    ):
        errors["agreement_date"] = "Enter a date between 2000 and ten years from now."
    if errors:
        raise ValidationError(errors)
    agreement.full_clean()


@transaction.atomic
def agreement_save(
    *,
    actor: User,
    project: Project,
    fields: Mapping[str, Any],
    expected_version: int | None,
) -> Agreement:
    unknown = set(fields) - set(AGREEMENT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown agreement fields: {sorted(unknown)}")
    locked = lock_editable(project.pk)
    agreement = Agreement.objects.select_for_update().filter(project=locked).first()
    if (
        agreement is not None
        and expected_version is not None
        and agreement.row_version != expected_version
    ):
        raise StaleEdit()
    if agreement is None:
        agreement = agreement_for(actor, locked)
    before = audit.snapshot(agreement, AGREEMENT_FIELDS)
    for name, value in fields.items():
        setattr(agreement, name, value.strip() if isinstance(value, str) else value)
    _check(agreement)
    changes = audit.diff(before, audit.snapshot(agreement, AGREEMENT_FIELDS))
    if not changes:
        return agreement
    agreement.row_version += 1
    agreement.save()
    audit.record(
        actor=actor,
        action="agreement.saved",
        obj=agreement,
        project_id=locked.pk,
        changes=changes,
    )
    return agreement
