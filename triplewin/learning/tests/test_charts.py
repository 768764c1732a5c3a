"""The principles trend chart's geometry: scale, time axis, readable labels, sparklines."""

from __future__ import annotations

import datetime as dt
import itertools

from triplewin.core import principles
from triplewin.learning import charts


def _points(days_and_scores):
    start = dt.date(2025, 1, 1)
    return principles.trend(
        {
            start + dt.timedelta(days=d): [dict.fromkeys(principles.SLUGS, s)]
            for d, s in days_and_scores
        }
    )


def test_scores_map_onto_the_plot_and_dates_onto_a_time_axis():
    chart = charts.trend_chart(_points([(0, 1), (30, 3), (120, 5)]))
    overall = chart.series[0]
    assert overall.style is charts.OVERALL
    assert [p.value for p in overall.points] == [1, 3, 5]
    assert overall.points[0].y == chart.bottom_edge
    assert overall.points[2].y == charts.TOP
    xs = [p.x for p in overall.points]
    # Thirty days is a quarter of the 120-day span.
    assert (xs[1] - xs[0]) / (xs[2] - xs[0]) == 0.25
    assert [s.style.label for s in chart.series] == [
        "All nine principles",
        "Purpose",
        "People",
        "Process",
    ]
    assert overall.path.startswith("M")
    assert "from 1.0 to 5.0" in chart.description


def test_a_single_assessment_sits_in_the_middle():
    chart = charts.trend_chart(_points([(0, 3)]))
    assert len(chart.series[0].points) == 1
    assert "One assessment" in chart.description
    assert [t.text for t in chart.x_ticks] == ["1 Jan 2025"]


def test_date_labels_never_overlap_and_keep_the_latest():
    chart = charts.trend_chart(_points([(0, 2), (100, 3), (330, 3), (350, 4), (360, 4)]))
    positions = [t.position for t in chart.x_ticks]
    assert all(b - a >= charts.MIN_LABEL_GAP for a, b in itertools.pairwise(positions))
    assert chart.x_ticks[0].text == "1 Jan 2025"
    assert chart.x_ticks[-1].text == "27 Dec 2025"


def test_sparklines_need_two_values():
    assert charts.sparkline([None, 3.0]) is None
    line = charts.sparkline([1.0, None, 5.0])
    assert line is not None
    assert line.path.count("L") == 1
    assert line.last_y == charts.SPARK_PAD
