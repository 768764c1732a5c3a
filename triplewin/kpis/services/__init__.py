"""Writes for KPIs, sites, measurements and composite criteria. Each is audited."""

from __future__ import annotations

from triplewin.kpis.services.criteria import condition_add, condition_remove, criterion_create
from triplewin.kpis.services.definitions import (
    DEFINABLE_IN,
    KPI_FIELDS,
    kpi_create,
    kpi_update,
    site_add,
    site_remove,
)
from triplewin.kpis.services.limits import limits_recalculate
from triplewin.kpis.services.measurements import (
    MEASURABLE_IN,
    FileRejected,
    UploadResult,
    measurement_record,
    measurements_push,
    measurements_upload,
)

__all__ = [
    "DEFINABLE_IN",
    "KPI_FIELDS",
    "MEASURABLE_IN",
    "FileRejected",
    "UploadResult",
    "condition_add",
    "condition_remove",
    "criterion_create",
    "kpi_create",
    "kpi_update",
    "limits_recalculate",
    "measurement_record",
    "measurements_push",
    "measurements_upload",
    "site_add",
    "site_remove",
]
