"""Writes for the scoping guide and the classification checklist."""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from triplewin.audit import services as audit
from triplewin.core import checklist, scoping_guide
from triplewin.core.lifecycle import State
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project
from triplewin.scoping.models import ClassificationChecklist, ScopingGuide
from triplewin.submissions.versions import UNSAVED

EDITABLE_IN = frozenset({State.IDEA, State.SCOPING, State.CONCEPT_APPROVED})
MAX_ANSWER = 5000


def _require_editable(project: Project) -> None:
    if project.state_enum not in EDITABLE_IN:
        raise ValidationError("Scoping records are frozen once set-up has started.")


@transaction.atomic
def scoping_save_section(
    *,
    actor: User,
    project: Project,
    section: str,
    answers: Mapping[str, str],
    expected_version: int | None,
) -> ScopingGuide:
    _require_editable(project)
    if section not in scoping_guide.SECTIONS_BY_SLUG:
        raise ValidationError(f"There is no scoping section called {section!r}.")
    allowed = {q.id for q in scoping_guide.SECTIONS_BY_SLUG[section].questions}
    errors = {
        k: f"Keep this answer under {MAX_ANSWER} characters."
        for k, v in answers.items()
        if len(v) > MAX_ANSWER
    }
    if errors:
        raise ValidationError(errors)
    guide, created = ScopingGuide.objects.select_for_update().get_or_create(project=project)
    current = UNSAVED if created else guide.row_version
    if expected_version is not None and current != expected_version:
        raise StaleEdit()
    before = {k: guide.answers.get(k, "") for k in allowed}
    after = {k: answers.get(k, "").strip() for k in allowed}
    changes = audit.diff(before, after)
    if not changes:
        return guide
    guide.answers = {**guide.answers, **after}
    guide.updated_by = actor
    guide.row_version += 1
    guide.save()
    audit.record(
        actor=actor,
        action="scoping.section_saved",
        obj=guide,
        project_id=project.pk,
        changes=changes,
    )
    return guide


@transaction.atomic
def checklist_save(
    *,
    actor: User,
    project: Project,
    answers: Mapping[str, str],
    expected_version: int | None,
) -> ClassificationChecklist:
    _require_editable(project)
    errors = {}
    clean: dict[str, str] = {}
    for question in checklist.QUESTIONS:
        value = answers.get(question.id, "")
        if value in ("", None):
            continue
        valid = {checklist.Answer.YES, checklist.Answer.NO}
        if question.allows_not_applicable:
            valid.add(checklist.Answer.NOT_APPLICABLE)
        if value not in valid:
            errors[question.id] = "Choose one of the answers shown."
        else:
            clean[question.id] = value
    if errors:
        raise ValidationError(errors)
    record, created = ClassificationChecklist.objects.select_for_update().get_or_create(
        project=project
    )
    current = UNSAVED if created else record.row_version
    if expected_version is not None and current != expected_version:
        raise StaleEdit()
    changes = audit.diff(record.answers, clean)
    if not changes:
        return record
    record.answers = clean
    record.updated_by = actor
    record.row_version += 1
    record.save()
    audit.record(
        actor=actor, action="checklist.saved", obj=record, project_id=project.pk, changes=changes
    )
    return record
