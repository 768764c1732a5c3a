"""Keeping the full-text index and the similarity profile in step with each case study.

Services call `reindex` after every write, inside their transaction, so the index can never
describe a version of a study that was rolled back. Nothing here runs from signals.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.db import connection

from triplewin.core.library import records as rec
from triplewin.core.library import text
from triplewin.core.library import vocabulary as vocab
from triplewin.core.library.similarity import Profile
from triplewin.library import selectors
from triplewin.library.models import CaseStudy, Status


def weighted_parts(record: rec.CaseStudyRecord) -> tuple[str, str, str, str]:
    """The study's words in four weight classes, A (title and subject) to D (asides)."""
    a = [
        record.title,
        *(vocab.label(vocab.THERAPY_AREAS, c) for c in record.therapy_areas),
        record.condition,
        *(vocab.label(vocab.INTERVENTIONS, c) for c in record.interventions),
    ]
    b = [
        record.summary,
        record.objectives,
        vocab.label(vocab.SETTINGS, record.setting),
        vocab.label(vocab.WORKING_TYPES, record.working_type) if record.working_type else "",
        vocab.label(vocab.NATIONS, record.nation),
        vocab.label(vocab.REGIONS, record.region) if record.region else "",
        record.icb,
        *(p.name for p in record.partners),
    ]
    c = [
        record.background,
        record.what_was_done,
        *(f"{o.measure} {o.unit} {o.period} {o.narrative}" for o in record.outcomes),
        record.outcomes_narrative,
        record.what_happened_next_detail,
        "health inequalities" if record.inequalities_focus else "",
        record.inequalities_how,
    ]
    d = [
        *(
            f"{x.lesson} {x.how_overcome} {vocab.label(vocab.BARRIERS, x.barrier)}"
            for x in record.lessons
        ),
        *(p.contribution for p in record.partners),
        *(s.title for s in record.sources),
    ]
    return (
        text.index_document(a),
        text.index_document(b),
        text.index_document(c),
        text.index_document(d),
    )


def profile_for(record: rec.CaseStudyRecord) -> Profile:
    outcomes = [f"{o.measure} {o.narrative}" for o in record.outcomes]
    return Profile(
        therapy_areas=frozenset(record.therapy_areas),
        setting=record.setting,
        interventions=frozenset(record.interventions),
        objectives=tuple(
            text.index_tokens(" ".join((record.summary, record.objectives, record.what_was_done)))
        ),
        outcomes=tuple(text.index_tokens(" ".join((*outcomes, record.outcomes_narrative)))),
    )


def derived_fields(record: rec.CaseStudyRecord) -> dict[str, object]:
    """Everything about a study that search and similarity read instead of the source fields."""
    a, b, c, d = weighted_parts(record)
    return {
        "search_a": a,
        "search_b": b,
        "search_c": c,
        "search_d": d,
        "therapy_mask": vocab.mask(vocab.THERAPY_AREAS, record.therapy_areas),
        "intervention_mask": vocab.mask(vocab.INTERVENTIONS, record.interventions),
        "profile": profile_for(record).to_dict(),
    }


def reindex(study: CaseStudy) -> None:
    """Rewrite one study's index text, search vector or FTS row, and similarity profile.

    The study must come with its tags, parties, outcomes, lessons and sources prefetched
    (`selectors.with_everything`), as the services' own reloads do.
    """
    record = selectors.as_record(study)
    CaseStudy.objects.filter(pk=study.pk).update(**derived_fields(record))
    write_index([study.pk])


def write_index(pks: Iterable[int] | None = None) -> None:
    """Copy the stored index text into the database's own index (all studies when pks is None).

    Only published studies are indexed: the public search is the index's only reader, and
    its document frequencies must count what the public can find, on both databases.
    """
    selected = (
        CaseStudy.objects.all() if pks is None else CaseStudy.objects.filter(pk__in=list(pks))
    )
    published = selected.filter(status=Status.PUBLISHED)
    if connection.vendor == "postgresql":
        selected.exclude(status=Status.PUBLISHED).update(search_vector=None)
        published.update(
            search_vector=SearchVector("search_a", weight="A", config="simple")
            + SearchVector("search_b", weight="B", config="simple")
            + SearchVector("search_c", weight="C", config="simple")
            + SearchVector("search_d", weight="D", config="simple")
        )
        return
    rows = list(published.values_list("pk", "search_a", "search_b", "search_c", "search_d"))
    with connection.cursor() as cursor:
        if pks is None:
            cursor.execute("DELETE FROM library_fts")
        else:
            cursor.executemany("DELETE FROM library_fts WHERE rowid = %s", [(pk,) for pk in pks])
        cursor.executemany(
            "INSERT INTO library_fts (rowid, a, b, c, d) VALUES (%s, %s, %s, %s, %s)", rows
        )


def remove(pk: int) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM library_fts WHERE rowid = %s", [pk])
