"""Loads the seeded case studies; running it again changes nothing unless the seeds changed.

Each seed is matched to a live project when the demo (or anyone) has recorded the same
partnership: first by exact title, otherwise by having exactly the same partner organisations.
The library does not depend on the demo being loaded.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from triplewin.core.library import records as rec
from triplewin.core.library import text
from triplewin.core.library.validation import parse_record
from triplewin.library import selectors, services
from triplewin.library.models import CaseStudy
from triplewin.library.seeds import SEEDED
from triplewin.organisations.models import Organisation
from triplewin.partnerships.models import Project


class SeedError(Exception):
    """A seeded record breaks the library's own rules: a programming error, not user input."""


@dataclass(frozen=True)
class SeedReport:
    created: int
    updated: int
    unchanged: int
    linked: int


def _title_overlap(a: str, b: str) -> float:
    x, y = set(text.index_tokens(a)), set(text.index_tokens(b))
    return len(x & y) / len(x | y) if x | y else 0.0


def matching_project(record: rec.CaseStudyRecord) -> Project | None:
    """The one project that records this partnership, if there is exactly one."""
    free = Project.objects.filter(case_study__isnull=True)
    by_title = free.filter(title__iexact=record.title).first()
    if by_title is not None:
        return by_title
    names = {p.name.casefold() for p in record.partners}
    orgs = {o.pk for o in Organisation.objects.all() if o.name.casefold() in names}
    if len(orgs) < 2:
        return None
    candidates = [
        p
        for p in free.filter(partners__organisation__in=orgs)
        .distinct()
        .prefetch_related("partners")
        if {x.organisation_id for x in p.partners.all()} == orgs
    ]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    scored = sorted(
        ((_title_overlap(p.title, record.title), p.pk, p) for p in candidates), reverse=True
    )
    return scored[0][2] if scored[0][0] > scored[1][0] else None


@transaction.atomic
def load() -> SeedReport:
    created = updated = unchanged = linked = 0
    for raw in SEEDED:
        record, problems = parse_record(raw)
        if record is None:
            raise SeedError(f"Seed {raw.get('key')!r} is invalid: {problems}")
        existing = selectors.with_everything(CaseStudy.objects.filter(key=record.key)).first()
        if existing is None:
            study = services.case_study_create(actor=None, record=record)
            created += 1
        elif rec.to_json_ready(selectors.as_record(existing)) == rec.to_json_ready(record):
            study = existing
            unchanged += 1
        else:
            study = services.case_study_replace(actor=None, case_study=existing, record=record)
            updated += 1
        if study.project_id is None:
            project = matching_project(record)
            if project is not None:
                services.case_study_link_project(actor=None, case_study=study, project=project)
                linked += 1
    return SeedReport(created, updated, unchanged, linked)
