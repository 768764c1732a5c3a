"""Words and icons for what an SPC chart says, shared by the chart, its table and the cards."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from triplewin.core import spc
from triplewin.core.spc import Assurance, Direction, Rule, Side, Variation

# NHS colours. The concern orange is too pale to stand alone on white, so concern shapes
# carry a dark outline and every signal also differs by shape and by text.
BLUE = "#005eb8"
ORANGE = "#ed8b00"
GREY = "#768692"
DARK_GREY = "#425563"
TEXT = "#212b32"
RED = "#d5281b"
PALE_GREY = "#f0f4f5"

VARIATION_TEXT = {
    Variation.COMMON: "Common cause variation",
    Variation.IMPROVEMENT: "Special cause variation: improvement",
    Variation.CONCERN: "Special cause variation: concern",
}
ASSURANCE_TEXT = {
    Assurance.PASSING: "Consistently passing the target",
    Assurance.FAILING: "Consistently failing the target",
    Assurance.INCONSISTENT: "Inconsistent: the target will be met and missed at random",
}
RULE_TEXT = {
    (Rule.BEYOND_LIMITS, Side.HIGH): "above the upper process limit",
    (Rule.BEYOND_LIMITS, Side.LOW): "below the lower process limit",
    (Rule.RUN, Side.HIGH): "in a run above the mean",
    (Rule.RUN, Side.LOW): "in a run below the mean",
    (Rule.TREND, Side.HIGH): "in a rising trend",
    (Rule.TREND, Side.LOW): "in a falling trend",
    (Rule.TWO_OF_THREE, Side.HIGH): "two of three close to the upper limit",
    (Rule.TWO_OF_THREE, Side.LOW): "two of three close to the lower limit",
}


@dataclass(frozen=True)
class Icon:
    """A Making Data Count style icon: a coloured ring with a letter, and its words."""

    label: str
    colour: str
    letter: str


def variation_icon(analysis: spc.Analysis) -> Icon | None:
    variation = analysis.variation
    if variation is None:
        return None
    if variation is Variation.COMMON:
        return Icon(VARIATION_TEXT[variation], GREY, "~")
    up = analysis.direction is Direction.UP
    if variation is Variation.IMPROVEMENT:
        return Icon(VARIATION_TEXT[variation], BLUE, "H" if up else "L")
    return Icon(VARIATION_TEXT[variation], ORANGE, "L" if up else "H")


def assurance_icon(analysis: spc.Analysis) -> Icon | None:
    found = analysis.assurance
    if found is None:
        return None
    letters = {Assurance.PASSING: "P", Assurance.FAILING: "F", Assurance.INCONSISTENT: "?"}
    colours = {Assurance.PASSING: BLUE, Assurance.FAILING: ORANGE, Assurance.INCONSISTENT: GREY}
    return Icon(ASSURANCE_TEXT[found], colours[found], letters[found])


def signal_text(signals: Sequence[spc.Signal], direction: Direction) -> str:
    """The rules a point breaks, the worrying ones first, in words."""
    good = Side.HIGH if direction is Direction.UP else Side.LOW
    worse = [RULE_TEXT[(s.rule, s.side)] for s in signals if s.side is not good]
    better = [RULE_TEXT[(s.rule, s.side)] for s in signals if s.side is good]
    parts = []
    if worse:
        parts.append("Concern: " + "; ".join(worse))
    if better:
        parts.append(("Also improving: " if worse else "Improvement: ") + "; ".join(better))
    return ". ".join(parts)
