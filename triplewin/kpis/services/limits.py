"""Recalculating a KPI's process limits when its values show a sustained shift (ADR 0027).

The rule (`core.spc.sustained_shift`): seven or more values in a row on one side of the
current process's mean, still going at the latest value. Whenever values are recorded the
rule is checked and, where it is met, new limits start at the run's first period: a
`LimitsRecalculation` row, audited, that every chart, icon and reading of the KPI then uses.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import FloatField
from django.db.models.functions import Cast

from triplewin.audit import services as audit
from triplewin.core import spc
from triplewin.kpis.models import Kpi, LimitsRecalculation, Measurement
from triplewin.kpis.series import project_series


def shift_reason(shift: spc.Shift) -> str:
    side = "above" if shift.side is spc.Side.HIGH else "below"
    return (
        f"{shift.length} values in a row {side} the mean of the earlier process, up to the "
        "latest value."
    )


@transaction.atomic
def limits_recalculate(*, actor: User | None, kpi: Kpi) -> list[LimitsRecalculation]:
    """Record new limits from every sustained shift in the KPI's whole-project series.

    Called by every service that writes measurements, inside its transaction; it finds
    nothing to do when no shift is left.
    """
    rows = (
        Measurement.objects.filter(kpi=kpi)
        .order_by()
        .values_list("site_id", "period", Cast("value", FloatField()))
    )
    series = project_series(rows, kpi.rollup)
    steps = tuple(LimitsRecalculation.objects.filter(kpi=kpi).values_list("starts_on", flat=True))
    _, shifts = spc.recalculate(
        [(pv.period, pv.value) for pv in series],
        direction=kpi.direction_enum,
        target=float(kpi.target_value),
        baseline=spc.Baseline(steps=steps),
    )
    made = []
    for shift in shifts:
        made_one = LimitsRecalculation.objects.create(
            kpi=kpi,
            starts_on=shift.period,
            reason=shift_reason(shift),
            automatic=True,
            recorded_by=actor,
        )
        audit.record(
            actor=actor,
            action="kpis.limits_recalculated",
            obj=made_one,
            project_id=kpi.project_id,
            changes={
                "starts_on": [None, shift.period.isoformat()],
                "reason": [None, made_one.reason],
                "automatic": [None, True],
            },
        )
        made.append(made_one)
    return made
