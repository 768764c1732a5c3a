"""Aggregates over the published library, for the learning views."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count

from triplewin.core.library import learning
from triplewin.core.library import vocabulary as vocab
from triplewin.library.models import CaseStudy, Lesson, Tag

CHART_WIDTH = 300


@dataclass(frozen=True)
class CountTable:
    caption: str
    heading: str
    bars: tuple[learning.Bar, ...]


@dataclass(frozen=True)
class Duration:
    label: str
    studies: int
    median_months: float | None


@dataclass(frozen=True)
class Insights:
    total: int
    therapy: CountTable
    settings: CountTable
    interventions: CountTable
    next_steps: CountTable
    durations: tuple[Duration, ...]
    dated: int
    continued: int
    continued_percent: int | None
    known: int
    continued_of_known_percent: int | None


def _table(
    caption: str, heading: str, counts: Counter[str], vocabulary: vocab.Vocabulary
) -> CountTable:
    rows = sorted(
        ((vocab.label(vocabulary, code), n) for code, n in counts.items() if n),
        key=lambda row: (-row[1], row[0]),
    )
    return CountTable(caption, heading, tuple(learning.bars(rows, longest=CHART_WIDTH)))


def _tag_counts(kind: str) -> Counter[str]:
    rows = (
        Tag.objects.filter(kind=kind, case_study__status="published")
        .values_list("code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return Counter(dict(rows))


def _durations(rows: list[tuple[str, str, int]]) -> tuple[Duration, ...]:
    def line(label: str, months: list[int]) -> Duration:
        return Duration(label, len(months), learning.median(months))

    result = [line("All case studies with dates", [m for _, _, m in rows])]
    for code, text in vocab.WORKING_TYPES.items():
        months = [m for t, _, m in rows if t == code]
        if months and code:
            result.append(line(text, months))
    for code, text in vocab.SETTINGS.items():
        months = [m for _, s, m in rows if s == code]
        if months:
            result.append(line(text, months))
    return tuple(result)


def library_insights() -> Insights:
    published = CaseStudy.objects.published()
    facts = list(
        published.values_list(
            "setting", "working_type", "what_happened_next", "start_date", "end_date"
        )
    )
    total = len(facts)
    settings = Counter(s for s, *_ in facts)
    next_steps = Counter(n for _, _, n, _, _ in facts)
    dated = [
        (t, s, learning.months_between(start, end))
        for s, t, _, start, end in facts
        if start and end and end >= start
    ]
    continued = sum(next_steps[c] for c in vocab.CONTINUED)
    known = total - next_steps.get("unknown", 0)
    return Insights(
        total=total,
        therapy=_table(
            "Case studies by therapy area",
            "Therapy area",
            _tag_counts(Tag.Kind.THERAPY),
            vocab.THERAPY_AREAS,
        ),
        settings=_table("Case studies by setting", "Setting", settings, vocab.SETTINGS),
        interventions=_table(
            "Case studies by intervention type",
            "Intervention type",
            _tag_counts(Tag.Kind.INTERVENTION),
            vocab.INTERVENTIONS,
        ),
        next_steps=_table(
            "What happened after the partnership",
            "What happened next",
            next_steps,
            vocab.NEXT_STEPS,
        ),
        durations=_durations(dated),
        dated=len(dated),
        continued=continued,
        continued_percent=learning.percent(continued, total),
        known=known,
        continued_of_known_percent=learning.percent(continued, known),
    )


@dataclass(frozen=True)
class LessonRow:
    barrier: str
    lesson: str
    how_overcome: str
    study_pk: int
    study_title: str


def barrier_counts() -> dict[str, int]:
    rows = (
        Lesson.objects.filter(case_study__status="published")
        .values_list("barrier")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return dict(rows)


def lessons(barrier: str | None) -> list[LessonRow]:
    found = Lesson.objects.filter(case_study__status="published").select_related("case_study")
    if barrier is not None:
        found = found.filter(barrier=barrier)
    return [
        LessonRow(
            vocab.label(vocab.BARRIERS, x.barrier) if x.barrier else "",
            x.lesson,
            x.how_overcome,
            x.case_study_id,
            x.case_study.title,
        )
        for x in found.order_by("barrier", "case_study__title", "position")
    ]
