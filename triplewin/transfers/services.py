"""Writes for transfers of value and for marking a year disclosed.

Only a company's partnership leads and certification signatories record its transfers. A
year that the company has marked disclosed is frozen; a correction to it is a new row, and
recording one reopens the year until the company has resubmitted and marks it again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.config.bulk import update_rows
from triplewin.core.dates import long_date
from triplewin.core.lifecycle import PUBLIC_STATES
from triplewin.organisations.models import Organisation
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project
from triplewin.transfers import authority, routes
from triplewin.transfers.models import FIRST_YEAR, DisclosedYear, TransferOfValue

TOV_FIELDS = (
    "company",
    "recipient",
    "year",
    "category",
    "amount_money",
    "amount_benefits_in_kind",
    "is_correction",
    "note",
)
EDITABLE = frozenset(TOV_FIELDS) - {"company"}
DISCLOSED_FIELDS = ("company", "year", "disclosed_on")


def _lock(project: Project) -> Project:
    return (
        Project.objects.select_for_update()
        .prefetch_related("partners__organisation")
        .get(pk=project.pk)
    )


def _require_company(actor: User, project: Project, company: Organisation) -> None:
    if company not in authority.recording_companies(actor, project):
        raise PermissionDenied(
            "Only a partnership lead or certification signatory of this company can record "
            "its transfers of value."
        )


def _require_started(project: Project) -> None:
    if project.state_enum not in PUBLIC_STATES:
        raise ValidationError(
            "Transfers of value are recorded once the executive summary is published: no "
            "money or benefit in kind should flow before then."
        )


PATIENT_ORGANISATION_PAYMENT = (
    "Patient organisations cannot be partners, so payments to them are not transfers of value "
    "in the partnership. If the company contracted this organisation to deliver a service, "
    "record it as a contracted service: its value is published on the company's own website, "
    "not on Disclosure UK."
)


def _check(
    tov: TransferOfValue,
    project: Project,
    today: dt.date,
    recipients: list[Organisation] | None = None,
) -> None:
    """Every rule a row must meet. A batch passes the project's `recipients` once, and the
    foreign keys it has already resolved are not looked up again row by row."""
    if recipients is None:
        tov.full_clean()
        recipients = authority.recipients(project)
    else:
        # A batch checks its references once for the whole batch (and the database holds the
        # constraint), so no row asks the database whether its reference is taken.
        tov.full_clean(
            exclude=["project", "company", "recipient", "recorded_by"],
            validate_unique=False,
            validate_constraints=False,
        )
    if routes.is_patient_organisation(tov.recipient):
        raise ValidationError({"recipient": PATIENT_ORGANISATION_PAYMENT})
    if tov.recipient not in recipients:
        raise ValidationError(
            {"recipient": "The recipient must be a partner that is not a company."}
        )
    if tov.year > today.year:
        raise ValidationError({"year": "Record transfers once they have happened."})


def _disclosed(project: Project, company_id: int, year: int) -> DisclosedYear | None:
    return DisclosedYear.objects.filter(project=project, company_id=company_id, year=year).first()


def _frozen_message(marked: DisclosedYear) -> str:
    return (
        f"{marked.year} was marked disclosed on {long_date(marked.disclosed_on)}, so its rows "
        "cannot change. Record a correction instead."
    )


@transaction.atomic
def tov_record(
    *,
    actor: User,
    project: Project,
    company: Organisation,
    recipient: Organisation,
    year: int,
    category: str,
    amount_money: Decimal,
    amount_benefits_in_kind: Decimal,
    note: str = "",
    is_correction: bool = False,
    today: dt.date | None = None,
) -> TransferOfValue:
    locked = _lock(project)
    _require_company(actor, locked, company)
    _require_started(locked)
    tov = TransferOfValue(
        project=locked,
        company=company,
        recipient=recipient,
        year=year,
        category=category,
        amount_money=amount_money,
        amount_benefits_in_kind=amount_benefits_in_kind,
        note=note.strip(),
        is_correction=is_correction,
        recorded_by=actor,
    )
    _check(tov, locked, today or timezone.localdate())
    marked = _disclosed(locked, company.pk, year)
    if marked is not None and not is_correction:
        raise ValidationError({"year": _frozen_message(marked)})
    tov.save()
    audit.record(
        actor=actor,
        action="tov.recorded",
        obj=tov,
        project_id=locked.pk,
        changes=audit.diff({}, audit.snapshot(tov, TOV_FIELDS)),
    )
    if marked is not None:
        _reopen(actor=actor, marked=marked, project_id=locked.pk)
    return tov


def _reopen(*, actor: User, marked: DisclosedYear, project_id: int) -> None:
    # The figures submitted for that year are no longer complete.
    audit.record(
        actor=actor,
        action="tov.year_reopened",
        obj=marked,
        project_id=project_id,
        changes=audit.diff(audit.snapshot(marked, DISCLOSED_FIELDS), {}),
    )
    marked.delete()


@dataclass(frozen=True)
class PushedRow:
    """One transfer as a company's finance system sends it, with its own reference."""

    reference: str
    recipient_id: int
    category: str
    amount_money: Decimal
    amount_benefits_in_kind: Decimal
    is_correction: bool = False
    note: str = ""


@dataclass(frozen=True)
class PushResult:
    added: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: tuple[str, ...]
    # Rows recorded before with a reference the batch did not send: listed, never deleted.
    not_sent: tuple[str, ...]


UPDATED_FIELDS = (
    "recipient",
    "category",
    "amount_money",
    "amount_benefits_in_kind",
    "is_correction",
    "note",
    "recorded_by",
    "row_version",
)
# How many changed rows one push's audit event lists in full.
AUDITED_ROWS = 500
PUSH_FIELDS = (
    "recipient_id",
    "category",
    "amount_money",
    "amount_benefits_in_kind",
    "is_correction",
    "note",
)


def _row_errors(index: int, error: ValidationError) -> dict[str, list[str]]:
    return {
        f"transfers.{index}.{name if name != NON_FIELD_ERRORS else 'row'}": list(messages)
        for name, messages in error.message_dict.items()
    }


@transaction.atomic
def tov_year_push(
    *,
    actor: User,
    project: Project,
    company: Organisation,
    year: int,
    rows: list[PushedRow],
    today: dt.date | None = None,
) -> PushResult:
    """A company's transfers on a project for one year, reconciled against the ledger by the
    company's references: new references are added, changed ones updated, the same ones left
    alone; all or nothing, and every row's problems are reported together.

    Who may send a company's year is decided by the caller (the API: a token of that company
    with the transfers scope). A row recorded earlier that the batch does not send is reported
    and kept: deleting a transfer of value is never done silently (our choice). A year marked
    disclosed takes corrections only, which reopen it, as on the page.
    """
    locked = _lock(project)
    _require_started(locked)
    if company.pk not in {p.organisation_id for p in locked.partners.all()} or not (
        company.is_pharmaceutical
    ):
        raise ValidationError(
            {"company": "Only a company partner of this project sends its transfers."}
        )
    today = today or timezone.localdate()
    if not FIRST_YEAR <= year <= today.year:
        raise ValidationError({"year": f"Send a year from {FIRST_YEAR} up to this year."})
    recipients = authority.recipients(locked)
    by_id = {o.pk: o for o in recipients}
    others = {p.organisation_id: p.organisation for p in locked.partners.all()}
    existing = {
        t.reference: t
        for t in TransferOfValue.objects.filter(project=locked, company=company, year=year).exclude(
            reference=""
        )
    }
    marked = _disclosed(locked, company.pk, year)
    errors: dict[str, list[str]] = {}
    seen: dict[str, int] = {}
    added: list[TransferOfValue] = []
    changed: list[TransferOfValue] = []
    unchanged: list[str] = []
    before: list[dict[str, Any]] = []
    after: list[dict[str, Any]] = []
    for index, row in enumerate(rows):
        reference = row.reference.strip()
        if reference in seen:
            errors[f"transfers.{index}.reference"] = [
                f"Item {seen[reference]} already has this reference."
            ]
            continue
        seen[reference] = index
        found = existing.get(reference)
        if (
            found is not None
            and all(
                getattr(found, name) == getattr(row, name) for name in PUSH_FIELDS if name != "note"
            )
            and found.note == row.note.strip()
        ):
            unchanged.append(reference)
            continue
        recipient = by_id.get(row.recipient_id) or others.get(row.recipient_id)
        if recipient is None:
            errors[f"transfers.{index}.recipient_id"] = [
                "The recipient must be a partner of this project that is not a company."
            ]
            continue
        tov = found or TransferOfValue(project=locked, company=company, year=year)
        old = {name: str(getattr(tov, name)) for name in PUSH_FIELDS} if found else None
        tov.reference = reference
        tov.recipient = recipient
        tov.category = row.category
        tov.amount_money = row.amount_money
        tov.amount_benefits_in_kind = row.amount_benefits_in_kind
        tov.is_correction = row.is_correction
        tov.note = row.note.strip()
        tov.recorded_by = actor
        try:
            _check(tov, locked, today, recipients)
        except ValidationError as error:
            errors.update(_row_errors(index, error))
            continue
        if marked is not None and not row.is_correction:
            errors[f"transfers.{index}.is_correction"] = [_frozen_message(marked)]
            continue
        if found is None:
            added.append(tov)
            continue
        if old is not None and len(changed) < AUDITED_ROWS:
            before.append({"reference": reference, **old})
            after.append({"reference": reference, **{n: str(getattr(tov, n)) for n in PUSH_FIELDS}})
        tov.row_version += 1
        changed.append(tov)
    if errors:
        raise ValidationError(errors)
    TransferOfValue.objects.bulk_create(added)
    update_rows(TransferOfValue, changed, UPDATED_FIELDS)
    result = PushResult(
        added=tuple(t.reference for t in added),
        changed=tuple(t.reference for t in changed),
        unchanged=tuple(unchanged),
        not_sent=tuple(sorted(set(existing) - set(seen))),
    )
    changes: audit.Changes = {
        "company": [None, company.name],
        "year": [None, year],
        "rows_added": [0, len(added)],
        "rows_changed": [0, len(changed)],
        "rows_unchanged": [0, len(unchanged)],
    }
    if changed:
        changes["changed_rows"] = [before, after]
    audit.record(
        actor=actor, action="tov.year_pushed", obj=locked, project_id=locked.pk, changes=changes
    )
    if marked is not None and (added or changed):
        _reopen(actor=actor, marked=marked, project_id=locked.pk)
    return result


def _editable(actor: User, tov: TransferOfValue) -> tuple[Project, TransferOfValue]:
    """The locked project and the row as stored, if the row's year is still open."""
    locked = _lock(tov.project)
    current = TransferOfValue.objects.select_for_update().select_related("company").get(pk=tov.pk)
    _require_company(actor, locked, current.company)
    marked = _disclosed(locked, current.company_id, current.year)
    if marked is not None:
        raise ValidationError(_frozen_message(marked))
    return locked, current


@transaction.atomic
def tov_update(
    *,
    actor: User,
    tov: TransferOfValue,
    expected_version: int | None,
    today: dt.date | None = None,
    **fields: Any,
) -> TransferOfValue:
    unknown = set(fields) - EDITABLE
    if unknown:
        raise TypeError(f"Unknown transfer of value fields: {sorted(unknown)}")
    project, current = _editable(actor, tov)
    if expected_version is not None and current.row_version != expected_version:
        raise StaleEdit()
    before = audit.snapshot(current, TOV_FIELDS)
    for name, value in fields.items():
        setattr(current, name, value.strip() if isinstance(value, str) else value)
    _check(current, project, today or timezone.localdate())
    if "year" in fields and (marked := _disclosed(project, current.company_id, current.year)):
        raise ValidationError({"year": _frozen_message(marked)})
    changes = audit.diff(before, audit.snapshot(current, TOV_FIELDS))
    if not changes:
        return current
    current.row_version += 1
    current.save()
    audit.record(
        actor=actor, action="tov.updated", obj=current, project_id=project.pk, changes=changes
    )
    return current


@transaction.atomic
def tov_delete(*, actor: User, tov: TransferOfValue) -> None:
    project, current = _editable(actor, tov)
    audit.record(
        actor=actor,
        action="tov.deleted",
        obj=current,
        project_id=project.pk,
        changes=audit.diff(audit.snapshot(current, TOV_FIELDS), {}),
    )
    current.delete()


@transaction.atomic
def year_mark_disclosed(
    *,
    actor: User,
    project: Project,
    company: Organisation,
    year: int,
    disclosed_on: dt.date,
    today: dt.date | None = None,
) -> DisclosedYear:
    locked = _lock(project)
    _require_company(actor, locked, company)
    today = today or timezone.localdate()
    if not TransferOfValue.objects.filter(project=locked, company=company, year=year).exists():
        raise ValidationError({"year": f"{company} has no transfers of value recorded for {year}."})
    if disclosed_on > today:
        raise ValidationError({"disclosed_on": "The date cannot be in the future."})
    if disclosed_on < dt.date(year + 1, 1, 1):
        raise ValidationError(
            {
                "disclosed_on": f"A year is disclosed after it ends: use a date in {year + 1} or later."
            }
        )
    marked = _disclosed(locked, company.pk, year)
    if marked is not None:
        raise ValidationError(
            {"year": f"{year} was already marked disclosed on {long_date(marked.disclosed_on)}."}
        )
    record = DisclosedYear(
        project=locked, company=company, year=year, disclosed_on=disclosed_on, recorded_by=actor
    )
    record.full_clean()
    record.save()
    audit.record(
        actor=actor,
        action="tov.year_disclosed",
        obj=record,
        project_id=locked.pk,
        changes=audit.diff({}, audit.snapshot(record, DISCLOSED_FIELDS)),
    )
    return record
