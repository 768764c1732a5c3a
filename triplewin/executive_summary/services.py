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
from triplewin.core import signoff as core
from triplewin.core.lifecycle import State
from triplewin.core.rules import GateReport
from triplewin.executive_summary import drafting
from triplewin.executive_summary.certified_text import (
    editable,
    redraftable,
    save_audited,
    without_settled,
)
from triplewin.executive_summary.models import ExecutiveSummary, Status
from triplewin.executive_summary.selectors import (
    DOCUMENT,
    SUBJECT,
    TEXT_FIELDS,
    certification_holds,
    summary_hash,
    summary_missing,
)
from triplewin.partnerships import services as partnerships
from triplewin.partnerships.models import Project
from triplewin.pid.selectors import latest_version, pid_status
from triplewin.signoff import services as signoff

SUMMARY_FIELDS = (*TEXT_FIELDS, "published_on")
# What the audit trail records about a summary beyond its text (its certification and
# publication are audited by the sign-off engine as it records them).
AUDITED = (*TEXT_FIELDS, "status", "published_on")
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
    """Draft (or redraft) every field from the approved PID; a certification lapses with it."""
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
    # New words need certifying again: the engine's certification is bound to the old hash.
    for name, value in fields.items():
        setattr(summary, name, value.strip())
    return _save(actor=actor, action="summary.saved", summary=summary, before=before)


@transaction.atomic
def summary_certify(
    *,
    actor: User,
    project: Project,
    expected_version: int | None,
    today: dt.date | None = None,
) -> ExecutiveSummary:
    """The signatory certifies the text on screen: an act in the sign-off engine."""
    locked, found = _lock(project)
    summary = _existing(found, expected_version)
    missing = summary_missing(summary)
    if missing and not certification_holds(locked):
        raise ValidationError(
            "Complete the summary before it is certified. Missing: " + "; ".join(missing) + "."
        )
    # The engine checks the signatory and conflicts, ignores a repeat and audits the act.
    signoff.record_act(
        actor=actor,
        project=locked,
        document=DOCUMENT,
        subject=SUBJECT,
        act=core.Act.CERTIFY,
        seen_hash=summary_hash(summary),
        at=signoff.moment_of(today),
    )
    return summary


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
    if not certification_holds(locked):
        raise ValidationError(
            "Only a certified summary can be published, and its text must be exactly what "
            "was certified."
        )
    if locked.state_enum is not State.AGREEMENT_SIGNED:
        raise ValidationError("The summary is published once every party has signed the agreement.")
    day = today or timezone.localdate()
    # The engine checks who may publish and conflicts, and audits the act.
    signoff.record_act(
        actor=actor,
        project=locked,
        document=DOCUMENT,
        subject=SUBJECT,
        act=core.Act.PUBLISH,
        seen_hash=summary_hash(summary),
        at=signoff.moment_of(today),
    )
    before = audit.snapshot(summary, AUDITED)
    summary.status = Status.PUBLISHED
    summary.published_on = day
    _save(actor=actor, action="summary.listed", summary=summary, before=before)
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
    summary.published_on = published_on
    summary.status = Status.PUBLISHED
    summary.full_clean()
    summary.save()
    audit.record(
        actor=actor,
        action="summary.imported",
        obj=summary,
        project_id=project.pk,
        changes=audit.diff(before, audit.snapshot(summary, SUMMARY_FIELDS)),
    )
    digest = summary_hash(summary)
    for act, day in ((core.Act.CERTIFY, certified_on), (core.Act.PUBLISH, published_on)):
        signoff.record_outside(
            actor=actor,
            project=project,
            document=DOCUMENT,
            subject=SUBJECT,
            act=act,
            content_hash=digest,
            at=signoff.at_day(day),
        )
    return summary
