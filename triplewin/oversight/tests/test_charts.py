"""Chart geometry: bars scale to the largest value and never go negative."""

from __future__ import annotations

from decimal import Decimal

from triplewin.oversight import charts


def test_horizontal_bars_scale_to_the_largest():
    chart = charts.horizontal(
        id="c",
        title="T",
        description="D",
        items=[("A", 10, "10"), ("B", 5, "5"), ("C", Decimal("-3"), "-3")],
        width=500,
        label_width=100,
        value_width=100,
    )
    widths = [b.width for b in chart.bars]
    assert widths == [300.0, 150.0, 0.0]
    assert chart.view_box == f"0 0 500 {chart.height}"


def test_long_labels_are_shortened_for_the_picture():
    chart = charts.horizontal(id="c", title="T", description="D", items=[("x" * 60, 1, "1")])
    assert chart.bars[0].label.endswith("…")
    assert len(chart.bars[0].label) == charts.MAX_LABEL


def test_vertical_columns_stand_on_the_axis():
    chart = charts.vertical(
        id="c", title="T", description="D", items=[("2024", 100, "£100"), ("2025", 50, "£50")]
    )
    tall, short = chart.bars
    assert tall.y + tall.height == short.y + short.height == chart.axis_y
    assert tall.height == 2 * short.height


def test_empty_chart_has_a_height():
    assert charts.horizontal(id="c", title="T", description="D", items=[]).height == 40
