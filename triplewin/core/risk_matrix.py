"""Scoring a risk: likelihood 1 to 5 times impact 1 to 5, banded as in the NHS 5x5 matrix.

Plain Python so the risk log, the status report and their tests share one definition.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

SCALE = range(1, 6)

LIKELIHOOD_LABELS = {
    1: "Rare",
    2: "Unlikely",
    3: "Possible",
    4: "Likely",
    5: "Almost certain",
}
IMPACT_LABELS = {
    1: "Negligible",
    2: "Minor",
    3: "Moderate",
    4: "Major",
    5: "Catastrophic",
}


class Band(StrEnum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"
    EXTREME = "extreme"


@dataclass(frozen=True)
class BandInfo:
    label: str
    colour: str  # an NHS.UK tag colour


BAND_INFO = {
    Band.LOW: BandInfo("Low", "green"),
    Band.MODERATE: BandInfo("Moderate", "yellow"),
    Band.HIGH: BandInfo("High", "orange"),
    Band.EXTREME: BandInfo("Extreme", "red"),
}

# The highest score in each band, lowest band first: 1-3 low, 4-6 moderate, 8-12 high, 15-25
# extreme. Scores of 7, 11, 13 and 14 cannot occur on a 5x5 grid.
BAND_CEILINGS: tuple[tuple[int, Band], ...] = (
    (3, Band.LOW),
    (6, Band.MODERATE),
    (12, Band.HIGH),
    (25, Band.EXTREME),
)


def score(likelihood: int, impact: int) -> int:
    if likelihood not in SCALE or impact not in SCALE:
        raise ValueError(f"Likelihood and impact run from 1 to 5, not {likelihood} and {impact}.")
    return likelihood * impact


def band(value: int) -> Band:
    for ceiling, found in BAND_CEILINGS:
        if 1 <= value <= ceiling:
            return found
    raise ValueError(f"A risk score runs from 1 to 25, not {value}.")
