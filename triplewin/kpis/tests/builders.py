"""Builders for KPI tests. Every write goes through a service, as in production."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from triplewin.kpis import services
from triplewin.kpis.models import Kpi

FIELDS: dict[str, Any] = {
    "name": "Patients offered a structured review",
    "category": "clinical",
    "definition": "Flagged patients offered a review, divided by all flagged patients.",
    "unit": "%",
    "data_source": "Monthly search of the practice system",
    "frequency": "monthly",
    "baseline_value": Decimal(40),
    "baseline_date": dt.date(2024, 1, 1),
    "target_value": Decimal(80),
    "target_date": dt.date(2025, 12, 31),
    "direction": "up",
    "rollup": "mean",
    "owner": None,
    "company_may_see": True,
    "aggregated_anonymised": True,
}


def kpi(project: Any, actor: Any, **overrides: Any) -> Kpi:
    return services.kpi_create(actor=actor, project=project, fields={**FIELDS, **overrides})


def months(start: dt.date, count: int) -> list[dt.date]:
    found = []
    year, month = start.year, start.month
    for _ in range(count):
        found.append(dt.date(year, month, 1))
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return found


def record_series(kpi: Kpi, actor: Any, values: list[float], *, site: Any = None) -> None:
    for period, value in zip(months(dt.date(2024, 1, 1), len(values)), values, strict=True):
        services.measurement_record(
            actor=actor, kpi=kpi, period=period, value=Decimal(str(value)), site=site
        )


def record_series_from(kpi: Kpi, actor: Any, values: list[float], *, first: int) -> None:
    """Record values[first:], at the months they would have in record_series(values)."""
    periods = months(dt.date(2024, 1, 1), len(values))
    for period, value in list(zip(periods, values, strict=True))[first:]:
        services.measurement_record(actor=actor, kpi=kpi, period=period, value=Decimal(str(value)))


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")
