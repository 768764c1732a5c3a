"""Roll-ups, composite criteria by site, and the summaries other apps pull."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from triplewin.kpis import selectors, services
from triplewin.kpis.selectors import Outcome
from triplewin.kpis.series import PeriodValue, project_series
from triplewin.kpis.tests import builders
from triplewin.partnerships.visibility import Visibility

pytestmark = pytest.mark.django_db

JAN, FEB = dt.date(2024, 1, 1), dt.date(2024, 2, 1)


def test_sites_roll_up_by_sum_or_mean_unless_the_whole_project_is_given():
    readings = [(1, JAN, 10.0), (2, JAN, 30.0), (1, FEB, 12.0), (2, FEB, 20.0), (None, FEB, 35.0)]
    assert project_series(readings, "sum") == [PeriodValue(JAN, 40.0, 2), PeriodValue(FEB, 35.0)]
    assert project_series(readings, "mean") == [PeriodValue(JAN, 20.0, 2), PeriodValue(FEB, 35.0)]


def _record(kpi, actor, site, period, value):
    services.measurement_record(
        actor=actor, kpi=kpi, period=period, value=Decimal(value), site=site
    )


def test_micro_elimination_per_site(delivering, nhs_lead):
    """All of: 100% offered a test, 90% tested, 90% of those diagnosed treated."""
    offered = builders.kpi(delivering, nhs_lead, name="Offered a test")
    tested = builders.kpi(delivering, nhs_lead, name="Tested")
    treated = builders.kpi(delivering, nhs_lead, name="Diagnosed and treated")
    criterion = services.criterion_create(
        actor=nhs_lead, project=delivering, name="Micro-elimination"
    )
    for kpi, threshold in ((offered, 100), (tested, 90), (treated, 90)):
        services.condition_add(
            actor=nhs_lead,
            criterion=criterion,
            kpi=kpi,
            comparison="gte",
            threshold=Decimal(threshold),
        )
    met, failed, partial, silent = (
        services.site_add(actor=nhs_lead, project=delivering, name=name)
        for name in ("Met Service", "Failed Service", "Partial Service", "Silent Service")
    )
    for kpi, value in ((offered, 100), (tested, 95), (treated, 91)):
        _record(kpi, nhs_lead, met, JAN, value)
    # An older failure does not count: each site is judged on its latest period.
    _record(tested, nhs_lead, met, dt.date(2023, 12, 1), 50)
    for kpi, value in ((offered, 100), (tested, 85), (treated, 95)):
        _record(kpi, nhs_lead, failed, JAN, value)
    _record(offered, nhs_lead, partial, FEB, 100)
    _record(tested, nhs_lead, partial, FEB, 92)
    _record(treated, nhs_lead, partial, JAN, 99)  # not in the latest period

    (result,) = selectors.criteria_results([criterion], [met, failed, partial, silent])
    outcomes = {row.name: (row.outcome, row.period) for row in result.rows}
    assert outcomes["Met Service"] == (Outcome.MET, JAN)
    assert outcomes["Failed Service"] == (Outcome.NOT_MET, JAN)
    assert outcomes["Partial Service"] == (Outcome.INSUFFICIENT, FEB)
    assert outcomes["Silent Service"] == (Outcome.INSUFFICIENT, None)
    # The whole project averages the sites (the builder's KPIs roll up by mean).
    whole = result.rows[0]
    assert whole.name == "Whole project"
    assert whole.period == FEB


def test_outcomes_summary_holds_only_shared_kpis(shared_kpi, hidden_kpi, nhs_lead):
    builders.record_series(shared_kpi, nhs_lead, [60, 85])
    summary = selectors.kpi_summary_for_outcomes(shared_kpi.project)
    assert summary == [
        {
            "name": "Patients offered a structured review",
            "category": "Clinical impact",
            "unit": "%",
            "baseline": "40% (1 January 2024)",
            "latest": "85% (February 2024)",
            "target": "80% by 31 December 2025",
            "met": "Met",
        }
    ]


def test_rag_inputs_count_kpis_off_track(delivering, nhs_lead):
    # Behind: baseline 40 on 1 January 2024, target 80 on 31 December 2025. By the end of
    # May 2024 (152 of 730 days) the straight path stands at 40 + 40 x 152/730, about 48.3;
    # the latest value, 42, is behind it.
    failing = builders.kpi(delivering, nhs_lead, name="Failing")
    builders.record_series(failing, nhs_lead, [40, 42, 41, 43, 42])
    # Target date passed and latest value 70 misses 80.
    late = builders.kpi(delivering, nhs_lead, name="Late", target_date=dt.date(2024, 6, 30))
    builders.record_series(late, nhs_lead, [50, 90, 60, 95, 70])
    # Target date passed and never measured.
    builders.kpi(delivering, nhs_lead, name="Silent", target_date=dt.date(2024, 6, 30))
    # On track: the latest value, 55, meets the target.
    fine = builders.kpi(
        delivering, nhs_lead, name="Fine", target_value=Decimal(55), target_date=dt.date(2099, 1, 1)
    )
    builders.record_series(fine, nhs_lead, [50, 60, 52, 58, 55])
    everything = Visibility(delivering, sees_nhs_only=True)
    assert selectors.kpi_rag_inputs(everything, dt.date(2025, 1, 1)) == (3, 4)
