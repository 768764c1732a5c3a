"""Writes for the outcomes summary: draft, edit, certify, approve and publish it.

Publishing moves the project from "completed" (or "terminated": a project stopped early
publishes an outcomes, or closure, summary too) to "outcomes published" in the same
transaction, so a gate that still blocks leaves the summary unpublished.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.audit import services as audit
from triplewin.core import signoff as core
from triplewin.core.lifecycle import State
from triplewin.core.outcomes import OUTCOMES_OPEN_STATES
from triplewin.core.rules import GateReport
from triplewin.executive_summary.certified_text import (
    editable,
    redraftable,
    save_audited,
    without_settled,
)
from triplewin.organisations.models import Organisation
from triplewin.outcomes import drafting
from triplewin.outcomes.models import Decision, OutcomesSummary, Status
from triplewin.outcomes.selectors import (
    DOCUMENT,
    SUBJECT,
    TEXT_FIELDS,
    certification_holds,
    summary_hash,
    summary_missing,
)
from triplewin.partnerships import access
from triplewin.partnerships import services as partnerships
from triplewin.partnerships.models import Project
from triplewin.signoff import services as signoff
from triplewin.signoff.models import SignOffAct

# Its certification, approvals and publication are audited by the sign-off engine.
AUDITED = (*TEXT_FIELDS, "status", "published_on")
PUBLISH_GATE = "outcomes_published"
# Publishing is what supplies this rule's evidence, so it cannot block the publication.
RULES_SETTLED_BY_PUBLISHING = frozenset({"OUTCOMES-PUBLISHED"})
PUBLISHED_IS_FINAL = "The outcomes summary has been published and can no longer be changed."
NOT_COMPLETED = (
    "The outcomes summary is written once delivery has ended: when the project's completion, "
    "or its early termination, is recorded."
)
PUBLISH_STEP = {
    State.COMPLETED: "publish_outcomes",
    State.TERMINATED: "publish_outcomes_after_termination",
}
NOT_A_SIGNATORY = (
    "Only a certification signatory of an industry partner in this project can certify the "
    "outcomes summary."
)


def publish_report(report: GateReport) -> GateReport:
    """The publication gate's rules, less the one that publishing itself settles."""
    return without_settled(report, RULES_SETTLED_BY_PUBLISHING)


def _require_editor(actor: User, project: Project) -> None:
    if not access.can_edit(actor, project):
        raise PermissionDenied(
            "Only the partnership leads of a partner organisation can make changes."
        )


def _lock(project: Project) -> tuple[Project, OutcomesSummary | None]:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    return locked, OutcomesSummary.objects.filter(project=locked).first()


def _existing(summary: OutcomesSummary | None, expected_version: int | None) -> OutcomesSummary:
    return editable(
        summary,
        expected_version,
        missing="Draft the outcomes summary from the project's records first.",
        final=PUBLISHED_IS_FINAL,
    )


def _save(
    *,
    actor: User,
    action: str,
    summary: OutcomesSummary,
    before: dict[str, object],
    extra: audit.Changes | None = None,
) -> OutcomesSummary:
    return save_audited(
        actor=actor, action=action, summary=summary, before=before, audited=AUDITED, extra=extra
    )


@transaction.atomic
def outcomes_generate(
    *,
    actor: User,
    project: Project,
    expected_version: int | None = None,
    today: dt.date | None = None,
) -> OutcomesSummary:
    """Draft (or redraft) the factual fields; what the partners wrote themselves is kept.

    A redraft fills in what the records now say, and leaves a field alone when the records
    have nothing for it, so text the partners wrote in its place survives.
    """
    locked, summary = _lock(project)
    _require_editor(actor, locked)
    if locked.state_enum not in OUTCOMES_OPEN_STATES:
        raise ValidationError(NOT_COMPLETED)
    redraftable(summary, expected_version)
    if summary is not None and summary.status == Status.PUBLISHED:
        raise ValidationError(PUBLISHED_IS_FINAL)
    summary = summary or OutcomesSummary(project=locked)
    before = audit.snapshot(summary, AUDITED) if summary.pk else {}
    # Changed text needs signing off again: the engine's acts are bound to the old hash.
    for name, value in drafting.draft(locked).items():
        if value or summary.pk is None:
            setattr(summary, name, value)
    summary.generated_on = today or timezone.localdate()
    return _save(actor=actor, action="outcomes.generated", summary=summary, before=before)


@transaction.atomic
def outcomes_save(
    *,
    actor: User,
    project: Project,
    fields: Mapping[str, str],
    expected_version: int | None,
) -> OutcomesSummary:
    unknown = set(fields) - set(TEXT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown outcomes summary fields: {sorted(unknown)}")
    locked, found = _lock(project)
    _require_editor(actor, locked)
    summary = _existing(found, expected_version)
    before = audit.snapshot(summary, AUDITED)
    # The signatory and the approvers signed off other words, if these differ: their acts
    # stay bound to the old hash.
    for name, value in fields.items():
        setattr(summary, name, value.strip())
    return _save(actor=actor, action="outcomes.saved", summary=summary, before=before)


@transaction.atomic
def outcomes_certify(
    *,
    actor: User,
    project: Project,
    expected_version: int | None,
    today: dt.date | None = None,
) -> OutcomesSummary:
    """The signatory certifies the text on screen: an act in the sign-off engine."""
    locked, found = _lock(project)
    summary = _existing(found, expected_version)
    missing = summary_missing(summary)
    if missing and not certification_holds(locked):
        raise ValidationError(
            "Complete the outcomes summary before it is certified. Missing: "
            + "; ".join(missing)
            + "."
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
def outcomes_decide(
    *,
    actor: User,
    project: Project,
    body: str,
    organisation: Organisation | None,
    decision: str,
    reason: str = "",
    expected_version: int | None,
) -> SignOffAct:
    """Record the team's or one committee's decision on the certified text on screen."""
    locked, found = _lock(project)
    summary = _existing(found, expected_version)
    if decision not in Decision.values:
        raise ValidationError({"decision": "Choose approve or reject."})
    if decision == Decision.REJECT and not reason.strip():
        raise ValidationError(
            {"reason": "Say why you reject the summary, so the partners know what to change."}
        )
    if not certification_holds(locked):
        raise ValidationError(
            "The summary is approved once it is certified; the signatory has not certified this "
            "text."
        )
    # The engine checks authority and conflicts, ignores a repeat and audits the act.
    return signoff.record_act(
        actor=actor,
        project=locked,
        document=DOCUMENT,
        subject=SUBJECT,
        act=core.Act(decision),
        body=body,
        organisation=organisation,
        reason=reason,
        seen_hash=summary_hash(summary),
    )


@transaction.atomic
def outcomes_publish(
    *,
    actor: User,
    project: Project,
    expected_version: int | None,
    today: dt.date | None = None,
) -> OutcomesSummary:
    """Publish today and move the project to "outcomes published"; all or nothing."""
    locked, found = _lock(project)
    _require_editor(actor, locked)
    summary = _existing(found, expected_version)
    if locked.state_enum not in OUTCOMES_OPEN_STATES:
        raise ValidationError(NOT_COMPLETED)
    # The engine refuses a text not certified and approved by every body, or changed since,
    # and checks who may publish and conflicts; it audits the act.
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
    summary.published_on = today or timezone.localdate()
    _save(actor=actor, action="outcomes.listed", summary=summary, before=before)
    # Raises GateBlocked when a rule still fails, which rolls the publication back with it.
    partnerships.transition_locked(
        actor=actor, project=locked, name=PUBLISH_STEP[locked.state_enum], today=today
    )
    _freeze_certified_copy(actor=actor, project=locked, summary=summary)
    return summary


def _freeze_certified_copy(*, actor: User, project: Project, summary: OutcomesSummary) -> None:
    """Record the published text as a document version and freeze its PDF, now.

    The public register only ever reads this frozen copy (ADR 0024): nothing is written when
    someone downloads it. Imported here: the documents app reads this app's records.
    """
    from triplewin.documents.models import DocumentVersion
    from triplewin.documents.services import certified_copy_for, document_sync

    document_sync(project=project, actor=actor)
    version = (
        DocumentVersion.objects.filter(
            project=project, document=DOCUMENT, source_hash=summary_hash(summary)
        )
        .order_by("-number")
        .first()
    )
    if version is not None:
        certified_copy_for(project=project, version=version)
