"""The two readings issue 15 found contradicting the data, reproduced from the demo's series.

1. A discharge-bundle KPI whose last ten values sit above its 80% target read "Consistently
   failing the target": the limits came from every point, most of them from before the
   process improved.
2. A project ten months from its target date read "2 off track" of four KPIs, so its RAG
   computed red: two KPIs were judged against their final target (and the stale limits),
   not against where the trajectory from baseline to target stands today.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from triplewin.core import spc
from triplewin.core.dates import add_months
from triplewin.kpis import selectors
from triplewin.kpis.models import Kpi
from triplewin.kpis.presenters.pages import DashboardPresenter
from triplewin.kpis.tests import builders
from triplewin.partnerships.visibility import Visibility

# The demo's "Discharges with the full bundle complete" (per cent, target 80).
BUNDLE: list[float] = [
    40,
    39,
    37,
    38,
    40,
    37,
    36,
    37,
    40,
    40,
    37,
    39,
    50,
    58,
    68,
    74,
    87,
    85,
    81,
    86,
    82,
    81,
]
BUNDLE += [84, 86, 87, 84]
# The demo's AF project: new AF register entries (target 55) and anticoagulation (target 90),
# both improved in the last seven months, both still short of the final target.
REGISTER: list[float] = [
    39,
    41,
    42,
    41,
    37,
    38,
    40,
    40,
    35,
    39,
    40,
    37,
    38,
    52,
    57,
    58,
    54,
    56,
    58,
    53,
]
ANTICOAGULATION = [84.0, 84.1, 84.4, 83.9, 83.5, 83.6, 83.9, 84.2, 84.3, 83.9, 84.2, 83.5]
ANTICOAGULATION += [84.4, 84.0, 85.8, 88.1, 89.8, 89.9, 89.3, 88.9]


def test_a_kpi_above_its_target_for_ten_months_does_not_read_failing(delivering, nhs_lead):
    kpi = builders.kpi(delivering, nhs_lead, baseline_value=Decimal(37))
    builders.record_series(kpi, nhs_lead, BUNDLE)
    (view,) = DashboardPresenter(delivering, nhs_lead, category="", today=dt.date(2026, 3, 1)).views
    assert view.assurance is not None
    assert view.assurance.label != "Consistently failing the target"
    assert "failing" not in view.chart.description


def test_kpis_on_their_trajectory_are_not_off_track(delivering, nhs_lead):
    # Recorded from January 2024, so the twentieth value is August 2025; the target is due
    # fourteen months later, as the demo's AF project stood ten months out.
    baseline = dt.date(2024, 1, 1)
    due = dt.date(2026, 9, 30)
    register = builders.kpi(
        delivering,
        nhs_lead,
        name="Register",
        unit="people",
        rollup="sum",
        baseline_value=Decimal(38),
        baseline_date=baseline,
        target_value=Decimal(55),
        target_date=due,
    )
    builders.record_series(register, nhs_lead, REGISTER)
    anticoagulation = builders.kpi(
        delivering,
        nhs_lead,
        name="Anticoagulation",
        baseline_value=Decimal("84.1"),
        baseline_date=baseline,
        target_value=Decimal(90),
        target_date=due,
    )
    builders.record_series(anticoagulation, nhs_lead, ANTICOAGULATION)
    everything = Visibility(delivering, sees_nhs_only=True)
    assert selectors.kpi_rag_inputs(everything, dt.date(2025, 12, 2)) == (0, 2)


def test_the_spc_reading_of_the_bundle_series_is_judged_on_the_current_process():
    start = dt.date(2024, 1, 1)
    series = [(start + dt.timedelta(days=31 * i), float(v)) for i, v in enumerate(BUNDLE)]
    plain = spc.analyse(series, direction=spc.Direction.UP, target=80)
    # The reproduction: one set of limits over both processes puts the target above them.
    assert plain.assurance is spc.Assurance.FAILING


# On or off track agrees with the trajectory: no database, an unsaved KPI is enough.
def _kpi(direction: str, baseline: float, target: float, due: dt.date) -> Kpi:
    return Kpi(
        name="Property",
        unit="%",
        frequency="monthly",
        direction=direction,
        baseline_value=Decimal(str(baseline)),
        baseline_date=dt.date(2024, 1, 1),
        target_value=Decimal(str(target)),
        target_date=due,
    )


@given(
    direction=st.sampled_from(["up", "down"]),
    baseline=st.integers(min_value=0, max_value=1_000),
    distance=st.integers(min_value=1, max_value=1_000),
    months=st.integers(min_value=0, max_value=35),
    span=st.integers(min_value=37, max_value=120),
    offset=st.integers(min_value=-500, max_value=500),
)
def test_on_track_agrees_with_the_trajectory(direction, baseline, distance, months, span, offset):
    # Improving means rising for "up" and falling for "down".
    sign = 1 if direction == "up" else -1
    target = baseline + sign * distance
    due = add_months(dt.date(2024, 1, 1), span)
    period = add_months(dt.date(2024, 1, 1), months)
    # Worked out here, independently: the straight line at the end of the value's period.
    end = add_months(period, 1) - dt.timedelta(days=1)
    share = (end - dt.date(2024, 1, 1)).days / (due - dt.date(2024, 1, 1)).days
    path = baseline + (target - baseline) * share
    value = path + sign * offset / 10
    kpi = _kpi(direction, baseline, target, due)
    analysis = spc.analyse([(period, value)], direction=kpi.direction_enum, target=target)
    reading = selectors.track(kpi, analysis, today=period)
    ahead = offset >= 0 or spc.target_met(value, target, kpi.direction_enum)
    assert reading.off is not ahead
    words = ("behind", "misses") if reading.off else ("level with or ahead", "meets the target")
    assert any(w in reading.reason for w in words)
