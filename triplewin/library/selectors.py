"""Reads about case studies: as plain records (for files and checks) and as audit snapshots."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from triplewin.core.library import records as rec
from triplewin.core.library import vocabulary as vocab
from triplewin.library.models import CaseStudy, CaseStudyQuerySet, Status, Tag
from triplewin.partnerships.models import Project

MAIN_FIELDS = (
    "key",
    "title",
    "summary",
    "status",
    "working_type",
    "setting",
    "nation",
    "region",
    "icb",
    "condition",
    "inequalities_focus",
    "inequalities_how",
    "start_date",
    "end_date",
    "dates_approximate",
    "background",
    "objectives",
    "what_was_done",
    "outcomes_narrative",
    "what_happened_next",
    "what_happened_next_detail",
)


def tag_codes(case_study: CaseStudy, kind: str) -> tuple[str, ...]:
    vocabulary = vocab.THERAPY_AREAS if kind == Tag.Kind.THERAPY else vocab.INTERVENTIONS
    return vocab.in_order(vocabulary, (t.code for t in case_study.tags.all() if t.kind == kind))


def _tidy(value: Decimal | None) -> Decimal | None:
    """Drop the database's trailing zeros (46468.000 -> 46468, 1.500 -> 1.5)."""
    if value is None:
        return None
    whole = value.to_integral_value()
    return whole if value == whole else value.normalize()


def as_record(case_study: CaseStudy) -> rec.CaseStudyRecord:
    """The study as the plain record that files, seeds and publication checks use."""
    cs = case_study
    return rec.CaseStudyRecord(
        key=cs.key,
        title=cs.title,
        summary=cs.summary,
        status=cs.status,
        working_type=cs.working_type,
        setting=cs.setting,
        nation=cs.nation,
        region=cs.region,
        icb=cs.icb,
        therapy_areas=tag_codes(cs, Tag.Kind.THERAPY),
        condition=cs.condition,
        interventions=tag_codes(cs, Tag.Kind.INTERVENTION),
        inequalities_focus=cs.inequalities_focus,
        inequalities_how=cs.inequalities_how,
        start_date=cs.start_date,
        end_date=cs.end_date,
        dates_approximate=cs.dates_approximate,
        background=cs.background,
        objectives=cs.objectives,
        what_was_done=cs.what_was_done,
        outcomes_narrative=cs.outcomes_narrative,
        what_happened_next=cs.what_happened_next,
        what_happened_next_detail=cs.what_happened_next_detail,
        partners=tuple(
            rec.Party(name=p.name, sector=p.sector, contribution=p.contribution)
            for p in cs.parties.all()
        ),
        outcomes=tuple(
            rec.Outcome(
                measure=o.measure,
                unit=o.unit,
                before=_tidy(o.before),
                after=_tidy(o.after),
                period=o.period,
                narrative=o.narrative,
            )
            for o in cs.outcomes.all()
        ),
        lessons=tuple(
            rec.Lesson(lesson=x.lesson, barrier=x.barrier, how_overcome=x.how_overcome)
            for x in cs.lessons.all()
        ),
        sources=tuple(rec.Source(url=s.url, title=s.title) for s in cs.sources.all()),
    )


def snapshot(case_study: CaseStudy) -> dict[str, Any]:
    """Everything about the study in plain values, for before/after audit entries."""
    ready = rec.to_json_ready(as_record(case_study))
    ready["project"] = case_study.project_id
    return ready


def with_everything(queryset: CaseStudyQuerySet) -> CaseStudyQuerySet:
    return queryset.select_related("project").prefetch_related(
        "tags",
        "parties__organisation",
        "outcomes",
        "lessons",
        "sources",
        "project__partners__organisation",
    )


def everything_in_order(ids: list[int]) -> list[CaseStudy]:
    """The studies with these ids, fully loaded, in the order given."""
    loaded = {cs.pk: cs for cs in with_everything(CaseStudy.objects.filter(pk__in=ids))}
    return [loaded[pk] for pk in ids if pk in loaded]


@dataclass(frozen=True)
class CaseStudyLink:
    """A project's case study as the project page shows it: where it is, and whether public."""

    pk: int
    published: bool


def case_study_link(project: Project) -> CaseStudyLink | None:
    found = CaseStudy.objects.filter(project=project).values_list("pk", "status").first()
    return None if found is None else CaseStudyLink(found[0], found[1] == Status.PUBLISHED)
