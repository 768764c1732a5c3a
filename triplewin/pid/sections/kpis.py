"""The KPIs the partners agree to measure the project by, with baselines and targets.

The PID is read and certified by every partner, so it lists only the KPIs every partner may
see (ADR 0014, through the visibility engine); KPIs on data not shared with company partners
stay on the KPI pages and are not counted here. Read live until the PID is approved, then
from the approved version, like the plan.
"""

from __future__ import annotations

from typing import Any

from triplewin.pid.sections.base import Field, Section, section, text
from triplewin.pid.sections.plan import live_until_approved
from triplewin.pid.sections.sources import Sources

KEYS = ("kpis",)


def _value(kpi: Any) -> str:
    from triplewin.kpis import formatting

    baseline = (
        f"{formatting.with_unit(kpi.baseline_value, kpi.unit)} ({formatting.day(kpi.baseline_date)})"
        if kpi.baseline_value is not None
        else "not recorded"
    )
    lines = [
        f"Category: {kpi.get_category_display()}",
        f"Definition: {text(kpi.definition)}" if text(kpi.definition) else "",
        f"Data source: {text(kpi.data_source)}" if text(kpi.data_source) else "",
        f"Measured: {kpi.get_frequency_display()}",
        f"Baseline: {baseline}",
        f"Target: {formatting.with_unit(kpi.target_value, kpi.unit)} by "
        f"{formatting.day(kpi.target_date)} ({kpi.get_direction_display().lower()})",
    ]
    return "\n".join(line for line in lines if line)


def _kpis(src: Sources) -> Section:
    # Imported here: the visibility engine reads the KPI app, which may import PID code.
    from triplewin.partnerships.visibility import Visibility

    shared = Visibility.shared(src.project).kpis().order_by("category", "name", "pk")
    return section(
        "kpis",
        "Key performance indicators",
        [Field(f"kpi-{k.pk}", text(k.name), _value(k)) for k in shared],
        empty_text="No KPI shared with every partner has been set yet.",
    )


def kpis(src: Sources) -> list[Section]:
    return live_until_approved(src, KEYS, lambda: [_kpis(src)])
