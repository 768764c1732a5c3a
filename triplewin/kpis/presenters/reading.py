"""Words and icons for what an SPC chart says, shared by the chart, its table and the cards."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from triplewin.core import spc
from triplewin.core.spc import Assurance, Direction, Rule, Side, Variation
from triplewin.kpis import formatting

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
    (Rule.TWO_OF_THREE, Side.HIGH): "one of two in three values close to the upper limit",
    (Rule.TWO_OF_THREE, Side.LOW): "one of two in three values close to the lower limit",
}


@dataclass(frozen=True)
class Icon:
    """A Making Data Count style icon: a coloured ring with a letter, and its words."""

    label: str
    colour: str
    letter: str
    # What the icon means for this chart, in words, shown beside it.
    explanation: str = ""


# What each icon means in general: the dashboard's legend.
VARIATION_MEANING = {
    Variation.COMMON: "The figures vary only by chance: nothing has changed the process.",
    Variation.IMPROVEMENT: "Something has changed the process for the better.",
    Variation.CONCERN: "Something has changed the process for the worse.",
}
ASSURANCE_MEANING = {
    Assurance.PASSING: "The target lies outside the range the process varies within, on the "
    "good side: every value will meet it unless the process changes.",
    Assurance.FAILING: "The target lies outside the range the process varies within, on the "
    "wrong side: no value will meet it unless the process changes.",
    Assurance.INCONSISTENT: "The target lies within the range the process varies within: some "
    "values will meet it and some will miss it, by chance.",
}
LETTERS = {
    Variation.COMMON: "~",
    Assurance.PASSING: "P",
    Assurance.FAILING: "F",
    Assurance.INCONSISTENT: "?",
}
COLOURS = {Assurance.PASSING: BLUE, Assurance.FAILING: ORANGE, Assurance.INCONSISTENT: GREY}


def variation_icon(analysis: spc.Analysis) -> Icon | None:
    variation = analysis.variation
    latest = analysis.latest
    if variation is None or latest is None:
        return None
    if variation is Variation.COMMON:
        return Icon(
            VARIATION_TEXT[variation],
            GREY,
            "~",
            "The latest value is within the range the process varies within by chance.",
        )
    up = analysis.direction is Direction.UP
    because = " and ".join(dict.fromkeys(RULE_TEXT[(sg.rule, sg.side)] for sg in latest.signals))
    if variation is Variation.IMPROVEMENT:
        return Icon(
            VARIATION_TEXT[variation],
            BLUE,
            "H" if up else "L",
            f"The latest value is {because}: a sign that the process has improved.",
        )
    return Icon(
        VARIATION_TEXT[variation],
        ORANGE,
        "L" if up else "H",
        f"The latest value is {because}: a sign that the process has got worse.",
    )


def assurance_icon(analysis: spc.Analysis, unit: str = "", frequency: str = "") -> Icon | None:
    found = analysis.assurance
    lim = analysis.limits
    if found is None or lim is None or analysis.target is None:
        return None
    segment = analysis.segments[-1]
    since = ""
    if segment.start and frequency:
        since = f" since {formatting.period(analysis.points[segment.start].period, frequency)}"
    target = formatting.with_unit(analysis.target, unit)
    span = f"{formatting.with_unit(lim.lower, unit)} to {formatting.with_unit(lim.upper, unit)}"
    where = {
        Assurance.INCONSISTENT: "within",
        Assurance.PASSING: "outside, on the good side of,",
        Assurance.FAILING: "outside, on the wrong side of,",
    }[found]
    outcome = {
        Assurance.INCONSISTENT: "some values will meet it and some will miss it, by chance",
        Assurance.PASSING: "every value will meet it unless the process changes",
        Assurance.FAILING: "no value will meet it unless the process changes",
    }[found]
    return Icon(
        ASSURANCE_TEXT[found],
        COLOURS[found],
        LETTERS[found],
        f"The target, {target}, lies {where} the process limits{since} ({span}): {outcome}.",
    )


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


# The dashboard's key: every icon and tag, with what it means. (colour, letter, label, meaning)
LEGEND: tuple[tuple[str, str, str, str], ...] = (
    (GREY, "~", VARIATION_TEXT[Variation.COMMON], VARIATION_MEANING[Variation.COMMON]),
    (
        BLUE,
        "H",
        f"{VARIATION_TEXT[Variation.IMPROVEMENT]} (H or L)",
        f"{VARIATION_MEANING[Variation.IMPROVEMENT]} H when higher is better, L when lower is.",
    ),
    (
        ORANGE,
        "L",
        f"{VARIATION_TEXT[Variation.CONCERN]} (L or H)",
        f"{VARIATION_MEANING[Variation.CONCERN]} L when higher is better, H when lower is.",
    ),
    (BLUE, "P", ASSURANCE_TEXT[Assurance.PASSING], ASSURANCE_MEANING[Assurance.PASSING]),
    (ORANGE, "F", ASSURANCE_TEXT[Assurance.FAILING], ASSURANCE_MEANING[Assurance.FAILING]),
    (
        GREY,
        "?",
        ASSURANCE_TEXT[Assurance.INCONSISTENT],
        ASSURANCE_MEANING[Assurance.INCONSISTENT],
    ),
)
TRACK_MEANING = (
    "On track or off track compares the latest value with a straight path from the baseline "
    "to the target by its date. The icons judge only the process since its limits were last "
    "worked out again."
)
