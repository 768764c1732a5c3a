"""The nine principles of effective NHS-industry partnerships, and how a project scores itself.

The King's Fund (2024) drew nine principles from its case studies and grouped them under
purpose, people and process. The wording here is ours. A project team scores each principle
from 1 to 5 whenever it likes; several members may score on the same day, and the trend
follows the mean of each day's scores.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from triplewin.core.dates import long_date


class Domain(StrEnum):
    PURPOSE = "purpose"
    PEOPLE = "people"
    PROCESS = "process"


DOMAIN_LABELS: dict[Domain, str] = {
    Domain.PURPOSE: "Purpose",
    Domain.PEOPLE: "People",
    Domain.PROCESS: "Process",
}


@dataclass(frozen=True)
class Principle:
    number: int
    slug: str
    domain: Domain
    name: str
    description: str


PRINCIPLES: tuple[Principle, ...] = (
    Principle(
        1,
        "shared_purpose",
        Domain.PURPOSE,
        "A common aim built around patients and communities",
        "Every partner can state, in the same words, what the project will change for the "
        "people it serves, and that aim settles disagreements from the first meeting to the "
        "last. Patients and the public help to shape it.",
    ),
    Principle(
        2,
        "measurement",
        Domain.PURPOSE,
        "Measuring progress and results",
        "Success is defined before work begins, data are gathered against it throughout, and "
        "the numbers (and what patients report) are used to adjust course and to show impact.",
    ),
    Principle(
        3,
        "staff_insight",
        Domain.PEOPLE,
        "Building on what NHS staff know",
        "The work grows from problems that frontline teams see and from fixes they help to "
        "design. Nobody arrives with the answer already decided, and local needs and "
        "inequalities shape the plan.",
    ),
    Principle(
        4,
        "relationships",
        Domain.PEOPLE,
        "Time and care spent on relationships",
        "The partners meet often, speak frankly, raise disagreements early, keep their word "
        "and treat each other as equals, so trust grows as commitments are met.",
    ),
    Principle(
        5,
        "leadership",
        Domain.PEOPLE,
        "Senior local backing",
        "A senior sponsor on each side signs up to the work, unblocks internal approvals and "
        "speaks for it, including when the case for continued funding is made.",
    ),
    Principle(
        6,
        "stakeholders",
        Domain.PEOPLE,
        "Bringing in the wider stakeholders",
        "Everyone who delivers, uses, is affected by or might later commission the service is "
        "identified and involved early, each with information that suits them.",
    ),
    Principle(
        7,
        "governance",
        Domain.PROCESS,
        "Sound, open governance",
        "Signed agreements, regular oversight meetings and clear rules for handling patient "
        "data are in place, and everyone involved knows what they mean for their work.",
    ),
    Principle(
        8,
        "project_management",
        Domain.PROCESS,
        "Capable project management",
        "Dedicated people with enough time, and with experience of how the NHS works, plan "
        "the work, coordinate the partners and keep delivery on schedule.",
    ),
    Principle(
        9,
        "commercial_boundaries",
        Domain.PROCESS,
        "A firm line around commercial interests",
        "The project is kept apart from promotion and sales, each company says openly why it "
        "is taking part, and both sides watch that the line holds.",
    ),
)
PRINCIPLES_BY_SLUG: dict[str, Principle] = {p.slug: p for p in PRINCIPLES}
SLUGS: tuple[str, ...] = tuple(p.slug for p in PRINCIPLES)

LOWEST, HIGHEST = 1, 5
SCALE: dict[int, str] = {
    1: "Not in place",
    2: "Just starting",
    3: "Partly in place",
    4: "Mostly in place",
    5: "Fully in place",
}
# A change in the overall mean smaller than this is reported as "about the same".
STEADY_WITHIN = 0.25

Scores = Mapping[str, int]


def problems(scores: Scores) -> list[str]:
    """Why a set of scores cannot be stored; empty when every principle has a valid score."""
    found = [f"Unknown principle: {slug}." for slug in sorted(set(scores) - set(SLUGS))]
    for p in PRINCIPLES:
        value = scores.get(p.slug)
        if value is None:
            found.append(f"Score principle {p.number}: {p.name}.")
        elif isinstance(value, bool) or not isinstance(value, int):
            found.append(f"The score for principle {p.number} must be a whole number.")
        elif not LOWEST <= value <= HIGHEST:
            found.append(f"The score for principle {p.number} must be from 1 to 5.")
    return found


def _mean(values: Sequence[float]) -> float | None:
    return statistics.fmean(values) if values else None


def principle_means(assessments: Sequence[Scores]) -> dict[str, float]:
    """The mean score of each principle across everyone who scored it."""
    means: dict[str, float] = {}
    for slug in SLUGS:
        mean = _mean([a[slug] for a in assessments if slug in a])
        if mean is not None:
            means[slug] = mean
    return means


def domain_means(means: Mapping[str, float]) -> dict[Domain, float]:
    """Each domain's mean of its principles' means, so every principle weighs the same."""
    result: dict[Domain, float] = {}
    for domain in Domain:
        mean = _mean([means[p.slug] for p in PRINCIPLES if p.domain is domain and p.slug in means])
        if mean is not None:
            result[domain] = mean
    return result


def overall_mean(means: Mapping[str, float]) -> float | None:
    return _mean([means[slug] for slug in SLUGS if slug in means])


@dataclass(frozen=True)
class TrendPoint:
    on: dt.date
    assessors: int
    principles: dict[str, float]
    domains: dict[Domain, float]
    overall: float | None


def trend(by_date: Mapping[dt.date, Sequence[Scores]]) -> list[TrendPoint]:
    """One point per assessment date, oldest first, each the mean of that day's assessments."""
    points = []
    for on in sorted(by_date):
        assessments = [a for a in by_date[on] if a]
        if not assessments:
            continue
        means = principle_means(assessments)
        points.append(
            TrendPoint(on, len(assessments), means, domain_means(means), overall_mean(means))
        )
    return points


class Direction(StrEnum):
    IMPROVING = "improving"
    STEADY = "steady"
    DECLINING = "declining"


@dataclass(frozen=True)
class Change:
    direction: Direction
    delta: float
    since: dt.date

    @property
    def text(self) -> str:
        since = long_date(self.since)
        if self.direction is Direction.STEADY:
            return f"About the same as on {since}"
        verb = "Up" if self.direction is Direction.IMPROVING else "Down"
        return f"{verb} {abs(self.delta):.1f} since {since}"


def change(points: Sequence[TrendPoint]) -> Change | None:
    """How the overall mean moved from the first assessment to the latest."""
    if len(points) < 2 or points[0].overall is None or points[-1].overall is None:
        return None
    delta = points[-1].overall - points[0].overall
    if abs(delta) < STEADY_WITHIN:
        direction = Direction.STEADY
    else:
        direction = Direction.IMPROVING if delta > 0 else Direction.DECLINING
    return Change(direction, delta, points[0].on)


def weakest(means: Mapping[str, float], *, limit: int = 3) -> list[Principle]:
    """The lowest-scoring principles (ties in principle order), the first places to work on."""
    scored = [p for p in PRINCIPLES if p.slug in means]
    return sorted(scored, key=lambda p: (means[p.slug], p.number))[:limit]
