"""Writes for the executive summary: draft it from the PID, edit, certify and publish it.

A summary that was certified and published outside Triple Win (a partnership that predates
it) is recorded with `summary_record_published`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.conflicts.decisions import check_decision
from triplewin.conflicts.models import DecisionKind
from triplewin.core.lifecycle import State
from triplewin.core.rules import GateReport
from triplewin.executive_summary import drafting
from triplewin.executive_summary.certified_text import (
    back_to_draft,
    editable,
    redraftable,
    save_audited,
    without_settled,
)
from triplewin.executive_summary.models import ExecutiveSummary, Status
from triplewin.executive_summary.selectors import (
    TEXT_FIELDS,
    certification_holds,
    summary_content,
    summary_hash,
    summary_missing,
)
from triplewin.partnerships import services as partnerships
from triplewin.partnerships.models import Project
from triplewin.pid.selectors import latest_version, pid_status
from triplewin.signoff import authority

SUMMARY_FIELDS = (*TEXT_FIELDS, "certified_on", "published_on")
# What the audit trail records about a summary beyond its text.
AUDITED = (*TEXT_FIELDS, "status", "certified_on", "certified_hash", "published_on")
PUBLISH_GATE = "summary_published"
# Publishing is what supplies this rule's evidence, so it cannot block the publication.
RULES_SETTLED_BY_PUBLISHING = frozenset({"SUMMARY-PUBLISHED"})
PUBLISHED_IS_FINAL = (
    "The summary has been published; later changes go through an amendment to the project."
)


def publish_report(report: GateReport) -> GateReport:
    """The publication gate's rules, less the one that publishing itself settles."""
    return without_settled(report, RULES_SETTLED_BY_PUBLISHING)


def _lock(project: Project) -> tuple[Project, ExecutiveSummary | None]:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    return locked, ExecutiveSummary.objects.filter(project=locked).first()


def _existing(summary: ExecutiveSummary | None, expected_version: int | None) -> ExecutiveSummary:
    return editable(
        summary,
        expected_version,
        missing="Draft the summary from the approved PID first.",
        final=PUBLISHED_IS_FINAL,
    )


def _save(
    *,
    actor: User,
    action: str,
    summary: ExecutiveSummary,
    before: dict[str, object],
    extra: audit.Changes | None = None,
) -> ExecutiveSummary:
    return save_audited(
        actor=actor, action=action, summary=summary, before=before, audited=AUDITED, extra=extra
    )


@transaction.atomic
def summary_generate(
    *, actor: User, project: Project, expected_version: int | None = None
) -> ExecutiveSummary:
    """Draft (or redraft) every field from the approved PID; a certification is withdrawn."""
    locked, summary = _lock(project)
    redraftable(summary, expected_version)
    version = latest_version(locked)
    if version is None or not pid_status(locked).approved:
        raise ValidationError(
            "The summary is drafted from the approved PID. Get the latest PID version "
            "certified and approved first."
        )
    if summary is not None and summary.status == Status.PUBLISHED:
        raise ValidationError(PUBLISHED_IS_FINAL)
    summary = summary or ExecutiveSummary(project=locked)
    before = audit.snapshot(summary, AUDITED) if summary.pk else {}
    for name, value in drafting.draft(locked, version).items():
        setattr(summary, name, value)
    summary.generated_from = version
    back_to_draft(summary)
    return _save(actor=actor, action="summary.generated", summary=summary, before=before)


@transaction.atomic
def summary_save(
    *,
    actor: User,
    project: Project,
    fields: Mapping[str, str],
    expected_version: int | None,
) -> ExecutiveSummary:
    unknown = set(fields) - set(TEXT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown executive summary fields: {sorted(unknown)}")
    _, found = _lock(project)
    summary = _existing(found, expected_version)
    before = audit.snapshot(summary, AUDITED)
    old_content = summary_content(summary)
    for name, value in fields.items():
        setattr(summary, name, value.strip())
    if summary_content(summary) != old_content and summary.status == Status.CERTIFIED:
        # The signatory certified other words; the new ones need certifying again.
        back_to_draft(summary)
    return _save(actor=actor, action="summary.saved", summary=summary, before=before)


@transaction.atomic
def summary_certify(
    *,
    actor: User,
    project: Project,
    expected_version: int | None,
    today: dt.date | None = None,
) -> ExecutiveSummary:
    locked, found = _lock(project)
    summary = _existing(found, expected_version)
    if not authority.certifying_organisations(actor, locked):
        raise ValidationError(
            "Only a certification signatory of an industry partner in this project can certify "
            "the summary."
        )
    conflict = check_decision(
        person=actor, project=locked, decision=DecisionKind.SUMMARY_CERTIFICATION
    )
    if certification_holds(summary):
        return summary
    missing = summary_missing(summary)
    if missing:
        raise ValidationError(
            "Complete the summary before it is certified. Missing: " + "; ".join(missing) + "."
        )
    before = audit.snapshot(summary, AUDITED)
    summary.status = Status.CERTIFIED
    summary.certified_by = actor
    summary.certified_on = today or timezone.localdate()
    summary.certified_hash = summary_hash(summary)
    return _save(
        actor=actor,
        action="summary.certified",
        summary=summary,
        before=before,
        extra=conflict.audit_changes(),
    )


@transaction.atomic
def summary_publish(
    *,
    actor: User,
    project: Project,
    expected_version: int | None,
    today: dt.date | None = None,
) -> ExecutiveSummary:
    """Publish today and move the project to "summary published"; all or nothing."""
    locked, found = _lock(project)
    summary = _existing(found, expected_version)
    if not certification_holds(summary):
        raise ValidationError(
            "Only a certified summary can be published, and its text must be exactly what "
            "was certified."
        )
    if locked.state_enum is not State.AGREEMENT_SIGNED:
        raise ValidationError("The summary is published once every party has signed the agreement.")
    conflict = check_decision(
        person=actor, project=locked, decision=DecisionKind.SUMMARY_PUBLICATION
    )
    before = audit.snapshot(summary, AUDITED)
    summary.status = Status.PUBLISHED
    summary.published_on = today or timezone.localdate()
    summary.published_by = actor
    _save(
        actor=actor,
        action="summary.published",
        summary=summary,
        before=before,
        extra=conflict.audit_changes(),
    )
    # Raises GateBlocked when a rule still fails, which rolls the publication back with it.
    partnerships.transition_locked(actor=actor, project=locked, name="publish_summary", today=today)
    return summary


@transaction.atomic
def summary_record_published(
    *,
    actor: User | None,
    project: Project,
    fields: Mapping[str, str],
    certified_on: dt.date,
    published_on: dt.date,
) -> ExecutiveSummary:
    summary, _ = ExecutiveSummary.objects.get_or_create(project=project)
    before = audit.snapshot(summary, SUMMARY_FIELDS)
    for name, value in fields.items():
        if name not in TEXT_FIELDS:
            raise TypeError(f"Unknown executive summary field {name!r}")
        setattr(summary, name, value)
    summary.certified_on = certified_on
    summary.published_on = published_on
    summary.status = Status.PUBLISHED
    summary.full_clean()
    summary.save()
    audit.record(
        actor=actor,
        action="summary.published",
        obj=summary,
        project_id=project.pk,
        changes=audit.diff(before, audit.snapshot(summary, SUMMARY_FIELDS)),
    )
    return summary
