"""Recording measurements, one by form or many by file. A file is written whole or not at all."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.config.bulk import update_rows
from triplewin.core import kpi_files
from triplewin.core.input_guard import safe_filename
from triplewin.core.kpi_files import RowError
from triplewin.kpis import formatting
from triplewin.kpis.models import Kpi, Measurement, Site
from triplewin.kpis.services._common import MEASURABLE_IN, check_measurable, lock_measurable
from triplewin.kpis.services.limits import limits_recalculate

__all__ = [
    "MEASURABLE_IN",
    "FileRejected",
    "UploadResult",
    "measurement_record",
    "measurements_push",
    "measurements_upload",
]

# How many replaced values one upload's audit event lists in full.
AUDITED_REPLACEMENTS = 500


class FileRejected(Exception):
    """The whole file was refused, or some rows were wrong; either way nothing was written."""

    def __init__(self, *, problem: str | None = None, errors: tuple[RowError, ...] = ()) -> None:
        self.problem = problem
        self.errors = errors
        if problem:
            message = f"{problem} Nothing has been saved."
        else:
            count = len(errors)
            message = (
                f"{count} problem{'s' if count != 1 else ''} in the file, so nothing has been "
                "saved. Correct the rows listed and upload the whole file again."
            )
        super().__init__(message)


@dataclass(frozen=True)
class UploadResult:
    added: int
    replaced: int


def _where(site: Site | None) -> str:
    return f" at {site.name}" if site else ""


@transaction.atomic
def measurement_record(
    *,
    actor: User,
    kpi: Kpi,
    period: dt.date,
    value: Decimal,
    site: Site | None = None,
    note: str = "",
    replace: bool = False,
    today: dt.date | None = None,
) -> Measurement:
    locked = lock_measurable(kpi.project_id)
    if site is not None and site.project_id != locked.pk:
        raise ValidationError({"site": "Choose one of this project's sites."})
    if period > (today or timezone.localdate()):
        raise ValidationError({"period": "The period cannot be in the future."})
    start = kpi_files.period_start(period, kpi.frequency_enum)
    # The project row locked above serialises every writer of this KPI's measurements.
    existing = Measurement.objects.filter(kpi=kpi, site=site, period=start).first()
    label = formatting.period(start, kpi.frequency)
    if existing is not None and not replace:
        raise ValidationError(
            {
                "period": f"{formatting.with_unit(existing.value, kpi.unit)} is already recorded "
                f"for {label}{_where(site)}. Tick 'Replace the value already recorded' to "
                "change it."
            }
        )
    measurement = existing or Measurement(kpi=kpi, site=site, period=start)
    fields = ("period", "site", "value", "note")
    before = audit.snapshot(measurement, fields) if existing else {}
    measurement.value = value.quantize(kpi_files.PLACES)
    measurement.note = note.strip()
    measurement.recorded_by = actor
    measurement.full_clean(validate_constraints=False)
    measurement.save()
    changes = audit.diff(before, audit.snapshot(measurement, fields))
    audit.record(
        actor=actor,
        action="kpis.measurement_replaced" if existing else "kpis.measurement_recorded",
        obj=measurement,
        project_id=locked.pk,
        changes=changes,
    )
    limits_recalculate(actor=actor, kpi=kpi)
    return measurement


def site_keys(sites: list[Site]) -> dict[str, str]:
    """Each site's name and code, casefolded, to its id: how a file may name a site."""
    keys: dict[str, str] = {}
    for site in sites:
        keys[site.name.casefold()] = str(site.pk)
        if site.code:
            keys[site.code.casefold()] = str(site.pk)
    return keys


def _safe_name(name: str) -> str:
    return safe_filename(name, default="measurements", limit=120)


def _read(
    upload: UploadedFile, kpi: Kpi, sites: list[Site], today: dt.date
) -> tuple[kpi_files.Parsed, bytes]:
    problem = kpi_files.too_large(upload.size)
    if problem:
        # Refused before reading, so an oversized file is never held in memory.
        raise FileRejected(problem=problem)
    content = upload.read(kpi_files.MAX_BYTES + 1)
    parsed = kpi_files.read(
        content, sites=site_keys(sites), frequency=kpi.frequency_enum, today=today
    )
    if parsed.problem:
        raise FileRejected(problem=parsed.problem)
    return parsed, content


def measurements_upload(
    *,
    actor: User,
    kpi: Kpi,
    upload: UploadedFile,
    replace: bool = False,
    today: dt.date | None = None,
) -> UploadResult:
    """Read and check the whole file first, then write it in one short transaction.

    Nothing is locked while the file is read: on SQLite an open transaction holds the write
    lock for every user, and a file takes far longer to read than to write (ADR 0016).
    """
    check_measurable(kpi.project_id)
    sites = list(Site.objects.filter(project_id=kpi.project_id))
    parsed, content = _read(upload, kpi, sites, today or timezone.localdate())
    digest = hashlib.sha256(content).hexdigest()
    with transaction.atomic():
        locked = lock_measurable(kpi.project_id)
        if site_keys(list(Site.objects.filter(project=locked))) != site_keys(sites):
            raise FileRejected(
                problem="The project's sites changed while the file was being read. "
                "Upload it again."
            )
        return _write(
            actor=actor,
            kpi=kpi,
            parsed=parsed,
            file={"file": [None, _safe_name(upload.name or "")], "sha256": [None, digest]},
            project_id=locked.pk,
            replace=replace,
        )


def measurements_push(
    *,
    actor: User,
    kpi: Kpi,
    records: list[dict[str, Any]],
    replace: bool = False,
    source: str = "api",
    today: dt.date | None = None,
) -> UploadResult:
    """Readings sent as data by another system (the API): checked as a file's rows, written
    whole or not at all, and audited as one upload (`source` names where they came from)."""
    check_measurable(kpi.project_id)
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = lock_measurable(kpi.project_id)
        sites = list(Site.objects.filter(project=locked))
        parsed = kpi_files.read_records(
            records, sites=site_keys(sites), frequency=kpi.frequency_enum, today=today
        )
        if parsed.problem:
            raise FileRejected(problem=parsed.problem)
        return _write(
            actor=actor,
            kpi=kpi,
            parsed=parsed,
            file={"source": [None, source]},
            project_id=locked.pk,
            replace=replace,
        )


def _write(
    *,
    actor: User,
    kpi: Kpi,
    parsed: kpi_files.Parsed,
    file: audit.Changes,
    project_id: int,
    replace: bool,
) -> UploadResult:
    existing = {
        (str(m.site_id) if m.site_id else "", m.period): m
        for m in Measurement.objects.filter(kpi=kpi).order_by()
    }
    errors = list(parsed.errors)
    if not replace:
        errors += [
            RowError(
                r.row,
                "period",
                f"{formatting.with_unit(existing[(r.site, r.period)].value, kpi.unit)} is already "
                f"recorded for {formatting.period(r.period, kpi.frequency)}. Choose 'Replace "
                "values already recorded' to overwrite it.",
            )
            for r in parsed.rows
            if (r.site, r.period) in existing
        ]
    if errors:
        raise FileRejected(errors=tuple(sorted(errors, key=lambda e: e.row)))
    added: list[Measurement] = []
    changed: list[Measurement] = []
    before: list[dict[str, Any]] = []
    after: list[dict[str, Any]] = []
    for r in parsed.rows:
        found = existing.get((r.site, r.period))
        if found is None:
            added.append(
                Measurement(
                    kpi=kpi,
                    site_id=int(r.site) if r.site else None,
                    period=r.period,
                    value=r.value,
                    note=r.note,
                    recorded_by=actor,
                )
            )
            continue
        if len(changed) < AUDITED_REPLACEMENTS:
            where = {"period": r.period.isoformat(), "site": r.site or None}
            before.append({**where, "value": str(found.value), "note": found.note})
            after.append({**where, "value": str(r.value), "note": r.note})
        found.value, found.note, found.recorded_by = r.value, r.note, actor
        found.recorded_at = timezone.now()  # bulk_update does not apply auto_now
        changed.append(found)
    Measurement.objects.bulk_create(added)
    update_rows(Measurement, changed, ["value", "note", "recorded_by", "recorded_at"])
    changes: audit.Changes = {
        **file,
        "file_type": [None, parsed.kind],
        "rows_added": [0, len(added)],
        "rows_replaced": [0, len(changed)],
    }
    if changed:
        changes["replaced_values"] = [before, after]
    audit.record(
        actor=actor,
        action="kpis.measurements_uploaded",
        obj=kpi,
        project_id=project_id,
        changes=changes,
    )
    limits_recalculate(actor=actor, kpi=kpi)
    return UploadResult(added=len(added), replaced=len(changed))
