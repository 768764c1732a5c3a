"""Defining KPIs and the sites they are measured at."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from triplewin.audit import services as audit
from triplewin.core.kpi_files import PLACES
from triplewin.kpis.models import Kpi, Site
from triplewin.kpis.services._common import DEFINABLE_IN, lock_definable
from triplewin.organisations.models import Membership
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project
from triplewin.partnerships.visibility import Visibility

KPI_FIELDS = (
    "name",
    "category",
    "definition",
    "unit",
    "data_source",
    "frequency",
    "baseline_value",
    "baseline_date",
    "target_value",
    "target_date",
    "direction",
    "rollup",
    "owner",
    "company_may_see",
    "aggregated_anonymised",
)

__all__ = ["DEFINABLE_IN", "KPI_FIELDS", "kpi_create", "kpi_update", "site_add", "site_remove"]


def _check_owner(project: Project, kpi: Kpi) -> None:
    owner = kpi.owner
    if owner is None:
        return
    partners = [p.organisation_id for p in project.partners.all()]
    if not Membership.objects.filter(user=owner, organisation_id__in=partners).exists():
        raise ValidationError({"owner": "The owner must work for one of the partners."})
    # The owner's Deadlines page names the KPI, so nobody may own one they may not see.
    if not Visibility.of(owner, project).may_see_kpi(kpi):
        raise ValidationError(
            {
                "owner": "This KPI is not shared with company partners, so its owner must "
                "work for an NHS partner. Choose someone else, or share the KPI."
            }
        )


def _apply(kpi: Kpi, fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - set(KPI_FIELDS)
    if unknown:
        raise TypeError(f"Unknown KPI fields: {sorted(unknown)}")
    for name, value in fields.items():
        if isinstance(value, str):
            value = value.strip()
        elif isinstance(value, Decimal):
            # Stored with four places; quantising first keeps "80" and "80.0000" one value.
            value = value.quantize(PLACES)
        setattr(kpi, name, value)


def _check_unique_name(kpi: Kpi) -> None:
    clash = Kpi.objects.filter(project_id=kpi.project_id, name__iexact=kpi.name)
    if kpi.pk:
        clash = clash.exclude(pk=kpi.pk)
    if clash.exists():
        raise ValidationError({"name": "This project already has a KPI with this name."})


@transaction.atomic
def kpi_create(*, actor: User, project: Project, fields: Mapping[str, Any]) -> Kpi:
    locked = lock_definable(project.pk)
    kpi = Kpi(project=locked)
    _apply(kpi, fields)
    _check_unique_name(kpi)
    kpi.full_clean()
    _check_owner(locked, kpi)
    kpi.save()
    audit.record(
        actor=actor,
        action="kpis.kpi_created",
        obj=kpi,
        project_id=locked.pk,
        changes=audit.diff({}, audit.snapshot(kpi, KPI_FIELDS)),
    )
    return kpi


@transaction.atomic
def kpi_update(
    *, actor: User, kpi: Kpi, fields: Mapping[str, Any], expected_version: int | None
) -> Kpi:
    locked = lock_definable(kpi.project_id)
    current = Kpi.objects.select_for_update().get(pk=kpi.pk, project=locked)
    if expected_version is not None and current.row_version != expected_version:
        raise StaleEdit()
    before = audit.snapshot(current, KPI_FIELDS)
    _apply(current, fields)
    if before["frequency"] != current.frequency and current.measurements.exists():
        raise ValidationError(
            {
                "frequency": "Measurements are already recorded for this KPI's periods, so its "
                "frequency cannot change. Define a new KPI instead."
            }
        )
    _check_unique_name(current)
    current.full_clean()
    _check_owner(locked, current)
    changes = audit.diff(before, audit.snapshot(current, KPI_FIELDS))
    if changes:
        current.row_version += 1
        current.save()
        audit.record(
            actor=actor,
            action="kpis.kpi_updated",
            obj=current,
            project_id=locked.pk,
            changes=changes,
        )
    return current


@transaction.atomic
def site_add(*, actor: User, project: Project, name: str, code: str = "") -> Site:
    locked = lock_definable(project.pk)
    site = Site(project=locked, name=name.strip(), code=code.strip().upper())
    sites = Site.objects.filter(project=locked)
    if sites.filter(name__iexact=site.name).exists():
        raise ValidationError({"name": "This project already has a site with this name."})
    if site.code and sites.filter(code__iexact=site.code).exists():
        raise ValidationError({"code": "Another site already has this code."})
    if site.code and sites.filter(name__iexact=site.code).exists():
        raise ValidationError({"code": "This code is the name of another site."})
    site.full_clean()
    site.save()
    audit.record(
        actor=actor,
        action="kpis.site_added",
        obj=site,
        project_id=locked.pk,
        changes={"name": [None, site.name], "code": [None, site.code]},
    )
    return site


@transaction.atomic
def site_remove(*, actor: User, site: Site) -> None:
    locked = lock_definable(site.project_id)
    if site.measurements.exists():
        raise ValidationError(
            f"{site.name} has measurements recorded, so it cannot be removed: the charts and "
            "the audit trail depend on them."
        )
    audit.record(
        actor=actor,
        action="kpis.site_removed",
        obj=site,
        project_id=locked.pk,
        changes={"name": [site.name, None], "code": [site.code, None]},
    )
    site.delete()
