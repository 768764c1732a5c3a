"""Bar charts drawn on the server as SVG geometry; the template turns them into markup.

Each chart is an image with a title and a description for screen readers, and every chart on
the dashboard sits next to the table holding the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

NHS_BLUE = "#005eb8"
TEXT = "#212b32"
MAX_LABEL = 34


@dataclass(frozen=True)
class Bar:
    label: str
    value_text: str
    x: float
    y: float
    width: float
    height: float
    label_x: float
    label_y: float
    value_x: float
    value_y: float


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    width: int
    height: int
    bars: list[Bar]
    colour: str = NHS_BLUE
    text_colour: str = TEXT
    label_anchor: str = "end"
    axis_y: float = 0

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def _scale(values: Sequence[Decimal | int]) -> Decimal:
    top = max((Decimal(v) for v in values), default=Decimal(0))
    return top if top > 0 else Decimal(1)


def horizontal(
    *,
    id: str,
    title: str,
    description: str,
    items: Sequence[tuple[str, Decimal | int, str]],
    width: int = 720,
    label_width: int = 260,
    value_width: int = 110,
    bar_height: int = 22,
    gap: int = 10,
) -> Chart:
    """One bar per item: label on the left, value text after the bar. Negative values draw as zero."""
    top = _scale([v for _, v, _ in items])
    room = width - label_width - value_width
    bars = []
    for index, (label, value, text) in enumerate(items):
        y = gap + index * (bar_height + gap)
        length = float(max(Decimal(value), Decimal(0)) / top) * room
        bars.append(
            Bar(
                label=_short(label),
                value_text=text,
                x=label_width,
                y=y,
                width=round(length, 1),
                height=bar_height,
                label_x=label_width - 8,
                label_y=y + bar_height * 0.7,
                value_x=label_width + round(length, 1) + 6,
                value_y=y + bar_height * 0.7,
            )
        )
    height = gap + len(items) * (bar_height + gap)
    return Chart(id, title, description, width, max(height, 40), bars)


def vertical(
    *,
    id: str,
    title: str,
    description: str,
    items: Sequence[tuple[str, Decimal | int, str]],
    width: int = 720,
    plot_height: int = 220,
    top_margin: int = 24,
    bottom_margin: int = 28,
) -> Chart:
    """One column per item, labelled underneath, with its value above."""
    top = _scale([v for _, v, _ in items])
    slot = width / max(len(items), 1)
    column = min(slot * 0.6, 80)
    bars = []
    for index, (label, value, text) in enumerate(items):
        length = float(max(Decimal(value), Decimal(0)) / top) * plot_height
        x = index * slot + (slot - column) / 2
        y = top_margin + plot_height - length
        bars.append(
            Bar(
                label=_short(label),
                value_text=text,
                x=round(x, 1),
                y=round(y, 1),
                width=round(column, 1),
                height=round(length, 1),
                label_x=round(x + column / 2, 1),
                label_y=top_margin + plot_height + 18,
                value_x=round(x + column / 2, 1),
                value_y=round(y - 6, 1),
            )
        )
    return Chart(
        id,
        title,
        description,
        width,
        top_margin + plot_height + bottom_margin,
        bars,
        label_anchor="middle",
        axis_y=top_margin + plot_height,
    )
