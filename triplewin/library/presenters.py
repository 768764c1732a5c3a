"""Display logic for case studies, so the templates stay dumb."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone

from triplewin.core.library import learning
from triplewin.core.library import vocabulary as vocab
from triplewin.core.library.records import missing_for_publication
from triplewin.core.library.similarity import PART_LABELS, Match
from triplewin.library import access, selectors
from triplewin.library.models import CaseStudy, Outcome
from triplewin.partnerships.models import Project


def number(value: Decimal | None) -> str:
    """46468 -> '46,468'; 3.700 -> '3.7'."""
    if value is None:
        return ""
    whole = value.to_integral_value()
    if value == whole:
        return f"{int(whole):,}"
    return f"{value.normalize():,f}"


def with_unit(value: Decimal | None, unit: str) -> str:
    if value is None:
        return ""
    if unit == "%":
        return f"{number(value)}%"
    return f"{number(value)} {unit}".strip()


def change(outcome: Outcome) -> str:
    """How much the measure moved, in words a reader can take in at a glance."""
    before, after = outcome.before, outcome.after
    if before is None or after is None or before == after:
        return ""
    direction = "up" if after > before else "down"
    if outcome.unit == "%":
        points = number(abs(after - before))
        return f"{direction} {points} percentage point{'s' if points != '1' else ''}"
    if before == 0:
        return direction
    return f"{direction} {abs((after - before) * 100 / before):.0f}%"


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    change_href: str = ""


@dataclass(frozen=True)
class OutcomeRow:
    measure: str
    before: str
    after: str
    change: str
    period: str
    narrative: str


def _dates(case_study: CaseStudy) -> str:
    start, end = case_study.start_date, case_study.end_date
    if not start and not end:
        return "Not given in the public sources"
    text = " to ".join(f"{d:%B %Y}" for d in (start, end) if d)
    if start and end:
        months = learning.months_between(start, end)
        text += f" ({months} month{'s' if months != 1 else ''})"
    return f"{text}, approximately" if case_study.dates_approximate else text


def headline(case_study: CaseStudy) -> str:
    """The first outcome with a figure, as one short line."""
    for outcome in case_study.outcomes.all():
        if outcome.after is not None and outcome.before is not None:
            return (
                f"{outcome.measure}: {with_unit(outcome.before, outcome.unit)} to "
                f"{with_unit(outcome.after, outcome.unit)}"
            )
        if outcome.after is not None:
            return f"{outcome.measure}: {with_unit(outcome.after, outcome.unit)}"
    return ""


class CaseStudyPresenter:
    def __init__(self, case_study: CaseStudy, user: Any = None) -> None:
        self.cs = case_study
        self.user = user
        self.can_edit = user is not None and access.can_edit(user, case_study)
        # The peer contact is for signed-in users only, never the public page (ADR 0021).
        self.signed_in = bool(user is not None and user.is_authenticated)

    @property
    def pk(self) -> int:
        return self.cs.pk

    @property
    def title(self) -> str:
        return self.cs.title

    @property
    def is_draft(self) -> bool:
        return not self.cs.is_published

    # Read from the masks that the index keeps in step with the tags, so that a page of
    # results needs no query for them.
    @property
    def therapy_areas(self) -> list[str]:
        codes = vocab.codes_in(vocab.THERAPY_AREAS, self.cs.therapy_mask)
        return [vocab.label(vocab.THERAPY_AREAS, c) for c in codes]

    @property
    def interventions(self) -> list[str]:
        codes = vocab.codes_in(vocab.INTERVENTIONS, self.cs.intervention_mask)
        return [vocab.label(vocab.INTERVENTIONS, c) for c in codes]

    @property
    def partner_names(self) -> list[str]:
        return [p.name for p in self.cs.parties.all()]

    @property
    def type_label(self) -> str:
        return vocab.label(vocab.WORKING_TYPES, self.cs.working_type)

    @property
    def where(self) -> str:
        cs = self.cs
        parts = [cs.icb, vocab.label(vocab.REGIONS, cs.region) if cs.region else ""]
        parts.append(vocab.label(vocab.NATIONS, cs.nation))
        return ", ".join(p for p in parts if p)

    @property
    def next_step(self) -> str:
        return vocab.label(vocab.NEXT_STEPS, self.cs.what_happened_next)

    @property
    def next_colour(self) -> str:
        return {
            "sustained": "green",
            "scaled": "green",
            "recommissioned": "green",
            "ended": "grey",
        }.get(self.cs.what_happened_next, "white")

    @property
    def headline(self) -> str:
        return headline(self.cs)

    @property
    def meta(self) -> str:
        return " · ".join(
            p
            for p in (
                self.type_label if self.cs.working_type else "",
                vocab.label(vocab.SETTINGS, self.cs.setting),
                ", ".join(self.therapy_areas),
                vocab.label(vocab.REGIONS, self.cs.region)
                if self.cs.region
                else vocab.label(vocab.NATIONS, self.cs.nation),
            )
            if p
        )

    def summary_rows(self) -> list[Row]:
        cs = self.cs
        edit = f"/library/{cs.pk}/edit/" if self.can_edit else ""
        partners = f"/library/{cs.pk}/edit/partners/" if self.can_edit else ""
        inequalities = "Yes" if cs.inequalities_focus else "No"
        if cs.inequalities_focus and cs.inequalities_how:
            inequalities = f"Yes. {cs.inequalities_how}"
        return [
            Row("Partners", ", ".join(self.partner_names), partners),
            Row("Type of arrangement", self.type_label, edit),
            Row("Setting", vocab.label(vocab.SETTINGS, cs.setting), edit),
            Row("Where", self.where, edit),
            Row("Therapy area", ", ".join(self.therapy_areas), edit),
            Row("Condition or service", cs.condition or "Not stated", edit),
            Row("Intervention type", ", ".join(self.interventions) or "Not stated", edit),
            Row("Dates", _dates(cs), edit),
            Row("Health inequalities focus", inequalities, edit),
            Row("What happened next", self.next_step, edit),
        ]

    def outcome_rows(self) -> list[OutcomeRow]:
        return [
            OutcomeRow(
                o.measure,
                with_unit(o.before, o.unit),
                with_unit(o.after, o.unit),
                change(o),
                o.period,
                o.narrative,
            )
            for o in self.cs.outcomes.all()
        ]

    def lessons(self) -> list[tuple[str, str, str]]:
        return [
            (vocab.label(vocab.BARRIERS, x.barrier) if x.barrier else "", x.lesson, x.how_overcome)
            for x in self.cs.lessons.all()
        ]

    @property
    def missing(self) -> list[str]:
        return missing_for_publication(selectors.as_record(self.cs))

    @property
    def published_on(self) -> dt.date | None:
        return timezone.localdate(self.cs.published_at) if self.cs.published_at else None

    def project_link(self) -> tuple[str, str] | None:
        """Where a reader can follow the live project: its page if they may see it, else the register."""
        project = self.cs.project
        if project is None:
            return None
        if (
            self.user is not None
            and Project.objects.visible_to(self.user).filter(pk=project.pk).exists()
        ):
            return (f"/projects/{project.pk}/", "Open the project in Triple Win")
        summary = getattr(project, "executive_summary", None)
        if (
            summary is not None
            and summary.published_on
            and summary.published_on <= timezone.localdate()
        ):
            return (f"/register/{project.pk}/", "See the partnership on the public register")
        return None


@dataclass(frozen=True)
class Similarity:
    percent: int
    parts: list[tuple[str, int]]
    shared: list[str]


def similarity(match: Match[int] | None) -> Similarity | None:
    if match is None:
        return None
    shared = [vocab.label(vocab.THERAPY_AREAS, c) for c in sorted(match.shared_therapy_areas)]
    shared += [vocab.label(vocab.INTERVENTIONS, c) for c in sorted(match.shared_interventions)]
    return Similarity(
        match.percent,
        [(PART_LABELS[name], round(value * 100)) for name, value in match.parts.items()],
        shared,
    )
