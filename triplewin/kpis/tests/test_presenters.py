"""Number formats, chart geometry and the words that go with the charts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from triplewin.core import spc
from triplewin.core.kpi_files import Frequency
from triplewin.kpis import formatting
from triplewin.kpis.models import Kpi
from triplewin.kpis.presenters import chart
from triplewin.kpis.presenters.kpi import limits_note, table_body
from triplewin.kpis.presenters.reading import assurance_icon, signal_text, variation_icon
from triplewin.kpis.series import PeriodValue


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1204, "1,204"),
        (87.5, "87.5"),
        (Decimal("12.3456"), "12.35"),
        (0.004, "0"),
        (-0.004, "0"),
        (-12.5, "-12.5"),
        (1_000_000.1, "1,000,000.1"),
        (None, ""),
    ],
)
def test_number(value, text):
    assert formatting.number(value) == text


def test_with_unit():
    assert formatting.with_unit(65, "%") == "65%"
    assert formatting.with_unit(2500, "£") == "£2,500"
    assert formatting.with_unit(46468, "tests") == "46,468 tests"


def _analysis(values, **kwargs):
    start = dt.date(2024, 1, 1)
    series = [(start + dt.timedelta(weeks=i), v) for i, v in enumerate(values)]
    return spc.analyse(series, direction=spc.Direction.UP, **kwargs)


def test_chart_geometry_places_points_and_lines_on_the_scale():
    # Example A (mean 12, limits 8.01 to 15.99) with a target of 20 and a 17 above the limit.
    analysis = _analysis([10, 12, 11, 13, 14, 17], target=20, baseline=spc.Baseline(first=5))
    c = chart.spc_chart(
        id="t", name="Tests", unit="tests", frequency=Frequency.WEEKLY, analysis=analysis
    )
    # Values and lines span 8.01 to 20: a scale from 7.5 to 20 in steps of 2.5.
    labels = [t.label for t in c.y_ticks]
    assert labels[0] == "7.5"
    assert labels[-1] == "20"
    top, bottom = c.y_ticks[-1].position, c.y_ticks[0].position
    assert top == chart.TOP
    assert bottom == chart.PLOT_BOTTOM
    assert c.target is not None
    assert c.target.y1 == top  # the target is the top of the scale
    assert len(c.polyline.split(" ")) == 6
    assert c.improvements.count("M") == 1  # only the 17 is special cause
    assert c.concerns == ""
    assert c.baseline_boxes  # the first five points are shaded
    assert "6 weekly values" in c.description
    assert "Mean 12 tests; process limits 8.01 tests to 15.99 tests." in c.description
    assert "special cause variation: improvement" in c.description
    assert "Target 20 tests: consistently failing the target." in c.description


def test_empty_chart():
    c = chart.spc_chart(
        id="t", name="Tests", unit="", frequency=Frequency.MONTHLY, analysis=_analysis([])
    )
    assert c.empty
    assert c.description == "No measurements of Tests have been recorded yet."


def test_nice_steps():
    assert chart.nice_step(10) == 2
    assert chart.nice_step(12) == 2.5
    assert chart.nice_step(0.3) == pytest.approx(0.1)
    assert chart.nice_step(4000) == 1000


def test_icons_and_signal_words():
    analysis = _analysis([1, 2, 3, 4, 5, 6], target=3.5)
    variation = variation_icon(analysis)
    assurance = assurance_icon(analysis)
    assert variation is not None
    assert assurance is not None
    assert (variation.letter, variation.label) == ("H", "Special cause variation: improvement")
    assert assurance.label.startswith("Inconsistent")
    first = analysis.points[0]
    assert signal_text(first.signals, spc.Direction.UP) == "Improvement: in a rising trend"
    mixed = [spc.Signal(spc.Rule.RUN, spc.Side.LOW), spc.Signal(spc.Rule.TREND, spc.Side.HIGH)]
    assert signal_text(mixed, spc.Direction.UP) == (
        "Concern: in a run below the mean. Also improving: in a rising trend"
    )


def test_table_rows_state_limits_once_unless_there_is_a_step():
    kpi = Kpi(unit="%", frequency="weekly")
    values = [10, 12, 11, 13, 14, 30, 32, 31, 33, 34]
    start = dt.date(2024, 1, 1)
    series = [PeriodValue(start + dt.timedelta(weeks=i), v) for i, v in enumerate(values)]
    plain = _analysis(values)
    body = str(table_body(kpi, series, plain))
    assert body.count("<tr>") == 10
    assert body.startswith('<tr><th scope="row">Week from 1 Jan 2024</th><td>10</td><td>')
    assert limits_note(plain, "%").startswith("For every period: mean 22%")
    stepped = _analysis(values, baseline=spc.Baseline(steps=(start + dt.timedelta(weeks=5),)))
    body = str(table_body(kpi, series, stepped))
    # Each row then carries its own segment's mean and limits: 12, 8.01, 15.99 and 32, ...
    assert "<td>10</td><td>12</td><td>8.01</td><td>15.99</td>" in body
    assert "<td>30</td><td>32</td><td>28.01</td><td>35.99</td>" in body
    assert limits_note(stepped, "%") == ""
