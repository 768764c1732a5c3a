"""Writes for case studies: create, edit, publish, withdraw, discard.

Every service takes keyword arguments, runs in one transaction, checks the result against the
same rules the importers use (`core.library.validation`), calls full_clean on each row,
rebuilds the study's search index and records one audit event with the before/after changes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.core.library import records as rec
from triplewin.core.library.validation import parse_record
from triplewin.library import access, selectors
from triplewin.library.models import CaseStudy, Lesson, Outcome, Party, Source, Status, Tag
from triplewin.library.search import index
from triplewin.organisations.models import Organisation
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project

EDITABLE_FIELDS = frozenset(selectors.MAIN_FIELDS) - {"key", "status"}


def _check(record: rec.CaseStudyRecord) -> None:
    """Apply the import rules to the study as it would be after the change.

    The editing forms raised the input guard's warnings and had them confirmed already.
    """
    _, problems = parse_record(rec.to_json_ready(record), warnings=False)
    if problems:
        errors: dict[str, list[str]] = {}
        for problem in problems:
            errors.setdefault(problem.field, []).append(problem.message)
        raise ValidationError(errors)


def _set_main(case_study: CaseStudy, record: rec.CaseStudyRecord) -> None:
    for name in selectors.MAIN_FIELDS:
        setattr(case_study, name, getattr(record, name))


def _replace_children(case_study: CaseStudy, record: rec.CaseStudyRecord) -> None:
    case_study.tags.all().delete()
    for kind, codes in (
        (Tag.Kind.THERAPY, record.therapy_areas),
        (Tag.Kind.INTERVENTION, record.interventions),
    ):
        for code in codes:
            tag = Tag(case_study=case_study, kind=kind, code=code)
            # The study was just saved and the codes are de-duplicated by validation, so the
            # foreign key and uniqueness checks would only cost queries.
            tag.full_clean(exclude=["case_study"], validate_constraints=False)
            tag.save()
    rows: list[Party | Outcome | Lesson | Source] = []
    case_study.parties.all().delete()
    for i, p in enumerate(record.partners):
        organisation = Organisation.objects.filter(name__iexact=p.name).first()
        rows.append(
            Party(
                case_study=case_study,
                position=i,
                organisation=organisation,
                name=organisation.name if organisation else p.name,
                sector=p.sector,
                contribution=p.contribution,
            )
        )
    case_study.outcomes.all().delete()
    rows += [
        Outcome(case_study=case_study, position=i, **dataclasses.asdict(o))
        for i, o in enumerate(record.outcomes)
    ]
    case_study.lessons.all().delete()
    rows += [
        Lesson(case_study=case_study, position=i, **dataclasses.asdict(x))
        for i, x in enumerate(record.lessons)
    ]
    case_study.sources.all().delete()
    rows += [
        Source(case_study=case_study, position=i, **dataclasses.asdict(s))
        for i, s in enumerate(record.sources)
    ]
    for row in rows:
        row.full_clean(exclude=["case_study"])
        row.save()


def _finish(
    *, actor: User | None, case_study: CaseStudy, before: dict[str, Any], action: str
) -> CaseStudy:
    """Bump the version, reindex and audit, if anything changed at all."""
    fresh = selectors.with_everything(CaseStudy.objects.filter(pk=case_study.pk)).get()
    changes = audit.diff(before, selectors.snapshot(fresh))
    if changes:
        CaseStudy.objects.filter(pk=fresh.pk).update(row_version=fresh.row_version + 1)
        fresh.row_version += 1
        index.reindex(fresh)
        audit.record(
            actor=actor, action=action, obj=fresh, project_id=fresh.project_id, changes=changes
        )
    return fresh


def _lock(case_study: CaseStudy, expected_version: int | None) -> CaseStudy:
    locked = selectors.with_everything(
        CaseStudy.objects.select_for_update(of=("self",)).filter(pk=case_study.pk)
    ).get()
    if expected_version is not None and locked.row_version != expected_version:
        raise StaleEdit()
    return locked


def _require_editor(actor: User, case_study: CaseStudy) -> None:
    if not access.can_edit(actor, case_study):
        raise PermissionDenied("You cannot change this case study.")


@transaction.atomic
def case_study_create(
    *, actor: User | None, record: rec.CaseStudyRecord, project: Project | None = None
) -> CaseStudy:
    """A new study from a validated record (imports, seeds and drafts from projects)."""
    _check(record)
    case_study = CaseStudy(project=project, created_by=actor)
    _set_main(case_study, record)
    if record.status == Status.PUBLISHED:
        case_study.published_at = timezone.now()
    case_study.full_clean()
    case_study.save()
    _replace_children(case_study, record)
    fresh = selectors.with_everything(CaseStudy.objects.filter(pk=case_study.pk)).get()
    index.reindex(fresh)
    audit.record(
        actor=actor,
        action="case_study.created",
        obj=fresh,
        project_id=fresh.project_id,
        changes=audit.diff({}, selectors.snapshot(fresh)),
    )
    return fresh


@transaction.atomic
def case_study_replace(
    *, actor: User | None, case_study: CaseStudy, record: rec.CaseStudyRecord
) -> CaseStudy:
    """Bring a seeded or imported study in line with its record; nothing happens if it matches."""
    _check(record)
    locked = _lock(case_study, None)
    before = selectors.snapshot(locked)
    _set_main(locked, record)
    if record.status == Status.PUBLISHED and locked.published_at is None:
        locked.published_at = timezone.now()
    if record.status == Status.DRAFT:
        locked.published_at = None
    locked.full_clean()
    locked.save()
    _replace_children(locked, record)
    return _finish(actor=actor, case_study=locked, before=before, action="case_study.replaced")


@transaction.atomic
def case_study_update(
    *,
    actor: User,
    case_study: CaseStudy,
    fields: Mapping[str, Any],
    therapy_areas: Sequence[str],
    interventions: Sequence[str],
    expected_version: int | None,
) -> CaseStudy:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"Unknown case study fields: {sorted(unknown)}")
    locked = _lock(case_study, expected_version)
    _require_editor(actor, locked)
    record = dataclasses.replace(
        selectors.as_record(locked),
        therapy_areas=tuple(therapy_areas),
        interventions=tuple(interventions),
        **fields,
    )
    return _save_record(actor=actor, locked=locked, record=record)


def _save_record(*, actor: User, locked: CaseStudy, record: rec.CaseStudyRecord) -> CaseStudy:
    _check(record)
    before = selectors.snapshot(locked)
    _set_main(locked, record)
    locked.full_clean()
    locked.save()
    _replace_children(locked, record)
    return _finish(actor=actor, case_study=locked, before=before, action="case_study.updated")


def _save_group(
    *, actor: User, case_study: CaseStudy, expected_version: int | None, **group: Any
) -> CaseStudy:
    locked = _lock(case_study, expected_version)
    _require_editor(actor, locked)
    record = dataclasses.replace(selectors.as_record(locked), **group)
    return _save_record(actor=actor, locked=locked, record=record)


@transaction.atomic
def case_study_save_parties(
    *,
    actor: User,
    case_study: CaseStudy,
    parties: Sequence[rec.Party],
    expected_version: int | None,
) -> CaseStudy:
    return _save_group(
        actor=actor,
        case_study=case_study,
        expected_version=expected_version,
        partners=tuple(parties),
    )


@transaction.atomic
def case_study_save_outcomes(
    *,
    actor: User,
    case_study: CaseStudy,
    outcomes: Sequence[rec.Outcome],
    expected_version: int | None,
) -> CaseStudy:
    return _save_group(
        actor=actor,
        case_study=case_study,
        expected_version=expected_version,
        outcomes=tuple(outcomes),
    )


@transaction.atomic
def case_study_save_lessons(
    *,
    actor: User,
    case_study: CaseStudy,
    lessons: Sequence[rec.Lesson],
    expected_version: int | None,
) -> CaseStudy:
    return _save_group(
        actor=actor,
        case_study=case_study,
        expected_version=expected_version,
        lessons=tuple(lessons),
    )


@transaction.atomic
def case_study_save_sources(
    *,
    actor: User,
    case_study: CaseStudy,
    sources: Sequence[rec.Source],
    expected_version: int | None,
) -> CaseStudy:
    return _save_group(
        actor=actor,
        case_study=case_study,
        expected_version=expected_version,
        sources=tuple(sources),
    )


@transaction.atomic
def case_study_publish(
    *, actor: User, case_study: CaseStudy, expected_version: int | None = None
) -> CaseStudy:
    locked = _lock(case_study, expected_version)
    _require_editor(actor, locked)
    if locked.is_published:
        return locked
    missing = rec.missing_for_publication(selectors.as_record(locked))
    if missing:
        raise ValidationError(f"Before publishing, add {', '.join(missing)}.")
    before = selectors.snapshot(locked)
    locked.status = Status.PUBLISHED
    locked.published_at = timezone.now()
    locked.full_clean()
    locked.save(update_fields=["status", "published_at", "updated_at"])
    return _finish(actor=actor, case_study=locked, before=before, action="case_study.published")


@transaction.atomic
def case_study_unpublish(
    *, actor: User, case_study: CaseStudy, expected_version: int | None = None
) -> CaseStudy:
    """Take a study out of the public library and back to draft, for its editors only."""
    locked = _lock(case_study, expected_version)
    _require_editor(actor, locked)
    if not locked.is_published:
        return locked
    before = selectors.snapshot(locked)
    locked.status = Status.DRAFT
    locked.published_at = None
    locked.save(update_fields=["status", "published_at", "updated_at"])
    return _finish(actor=actor, case_study=locked, before=before, action="case_study.unpublished")


@transaction.atomic
def case_study_discard(*, actor: User, case_study: CaseStudy) -> None:
    """Delete a draft that will not be published; published studies are withdrawn instead."""
    locked = _lock(case_study, None)
    _require_editor(actor, locked)
    if locked.is_published:
        raise ValidationError("A published case study cannot be discarded: withdraw it first.")
    audit.record(
        actor=actor,
        action="case_study.discarded",
        obj=locked,
        project_id=locked.project_id,
        changes=audit.diff(selectors.snapshot(locked), {}),
    )
    index.remove(locked.pk)
    locked.delete()


@transaction.atomic
def case_study_link_project(
    *, actor: User | None, case_study: CaseStudy, project: Project
) -> CaseStudy:
    """Tie a study to the live project it describes (used when loading the seeded library)."""
    locked = _lock(case_study, None)
    if locked.project_id == project.pk:
        return locked
    if CaseStudy.objects.filter(project=project).exclude(pk=locked.pk).exists():
        raise ValidationError(f"{project} already has a case study.")
    before = selectors.snapshot(locked)
    locked.project = project
    locked.save(update_fields=["project", "updated_at"])
    return _finish(actor=actor, case_study=locked, before=before, action="case_study.linked")
