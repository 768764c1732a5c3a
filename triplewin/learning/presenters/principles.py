"""Display logic for the nine-principles self-assessment: the trend chart and its table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from triplewin.core import principles
from triplewin.core.lifecycle import STATES, State
from triplewin.core.principles import DOMAIN_LABELS, Domain, Principle, TrendPoint
from triplewin.learning import charts
from triplewin.learning.models import SelfAssessment


def mean_text(value: float | None) -> str:
    return "no score" if value is None else f"{value:.1f}"


@dataclass(frozen=True)
class TableRow:
    label: str
    values: tuple[str, ...]
    spark: charts.Sparkline | None
    is_summary: bool = False


@dataclass(frozen=True)
class DomainGroup:
    label: str
    principles: tuple[Principle, ...]


@dataclass(frozen=True)
class Comment:
    principle: str
    score: int
    text: str
    who: str


def domain_groups() -> list[DomainGroup]:
    return [
        DomainGroup(DOMAIN_LABELS[d], tuple(p for p in principles.PRINCIPLES if p.domain is d))
        for d in Domain
    ]


class TrendPresenter:
    def __init__(self, points: Sequence[TrendPoint], recent: Sequence[SelfAssessment]) -> None:
        self.points = list(points)
        self.recent = list(recent)

    @property
    def has_data(self) -> bool:
        return bool(self.points)

    @property
    def chart(self) -> charts.LineChart | None:
        return charts.trend_chart(self.points) if self.points else None

    @property
    def dates(self) -> list[str]:
        return [f"{p.on.day} {p.on:%b %Y}" for p in self.points]

    @property
    def assessor_counts(self) -> list[int]:
        return [p.assessors for p in self.points]

    def _row(self, label: str, values: list[float | None], *, summary: bool = False) -> TableRow:
        return TableRow(
            label, tuple(mean_text(v) for v in values), charts.sparkline(values), summary
        )

    def rows(self) -> list[TableRow]:
        rows = [
            self._row(f"{p.number}. {p.name}", [pt.principles.get(p.slug) for pt in self.points])
            for p in principles.PRINCIPLES
        ]
        rows.extend(
            self._row(
                f"{DOMAIN_LABELS[d]} (mean)",
                [pt.domains.get(d) for pt in self.points],
                summary=True,
            )
            for d in Domain
        )
        rows.append(
            self._row(
                "All nine principles (mean)", [pt.overall for pt in self.points], summary=True
            )
        )
        return rows

    @property
    def latest(self) -> TrendPoint | None:
        return self.points[-1] if self.points else None

    @property
    def change_text(self) -> str:
        found = principles.change(self.points)
        return found.text if found else ""

    def focus(self) -> list[str]:
        """The weakest principles at the latest assessment, where they score under 4."""
        latest = self.latest
        if latest is None:
            return []
        return [
            f"{p.number}. {p.name} ({mean_text(latest.principles[p.slug])})"
            for p in principles.weakest(latest.principles)
            if latest.principles[p.slug] < 4
        ]

    def latest_comments(self) -> list[Comment]:
        latest = self.latest
        if latest is None:
            return []
        found = []
        for assessment in self.recent:
            if assessment.assessed_on != latest.on:
                continue
            for score in assessment.scores.all():
                if score.comment:
                    p = principles.PRINCIPLES_BY_SLUG[score.principle]
                    found.append(
                        Comment(
                            f"{p.number}. {p.name}",
                            score.score,
                            score.comment,
                            assessment.assessed_by_label,
                        )
                    )
        return sorted(found, key=lambda c: c.principle)


@dataclass(frozen=True)
class HistoryRow:
    on: dt.date
    who: str
    stage: str
    overall: str


def history(recent: Sequence[SelfAssessment]) -> list[HistoryRow]:
    rows = []
    for a in recent:
        means = principles.principle_means([{s.principle: s.score for s in a.scores.all()}])
        stage = STATES[State(a.stage)].label if a.stage in State._value2member_map_ else a.stage
        rows.append(
            HistoryRow(
                a.assessed_on, a.assessed_by_label, stage, mean_text(principles.overall_mean(means))
            )
        )
    return rows
