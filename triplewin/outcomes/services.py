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
from triplewin.conflicts.decisions import check_decision
from triplewin.conflicts.models import DecisionKind
from triplewin.core import signoff as core
from triplewin.core.lifecycle import State
from triplewin.core.outcomes import OUTCOMES_OPEN_STATES
from triplewin.core.rules import GateReport
from triplewin.executive_summary.certified_text import (
    back_to_draft,
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
    fully_approved,
    summary_content,
    summary_hash,
    summary_missing,
)
from triplewin.partnerships import access
from triplewin.partnerships import services as partnerships
from triplewin.partnerships.models import Project
from triplewin.signoff import authority
from triplewin.signoff.models import SignOffAct
from triplewin.signoff.services import record_act

AUDITED = (*TEXT_FIELDS, "status", "certified_on", "certified_hash", "published_on")
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
    old_content = summary_content(summary)
    for name, value in drafting.draft(locked).items():
        if value or summary.pk is None:
            setattr(summary, name, value)
    summary.generated_on = today or timezone.localdate()
    if summary_content(summary) != old_content:
        back_to_draft(summary)
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
    old_content = summary_content(summary)
    for name, value in fields.items():
        setattr(summary, name, value.strip())
    if summary_content(summary) != old_content:
        # The signatory and the approvers signed off other words.
        back_to_draft(summary)
    return _save(actor=actor, action="outcomes.saved", summary=summary, before=before)


@transaction.atomic
def outcomes_certify(
    *,
    actor: User,
    project: Project,
    expected_version: int | None,
    today: dt.date | None = None,
) -> OutcomesSummary:
    locked, found = _lock(project)
    summary = _existing(found, expected_version)
    if not authority.certifying_organisations(actor, locked):
        raise ValidationError(NOT_A_SIGNATORY)
    conflict = check_decision(
        person=actor, project=locked, decision=DecisionKind.OUTCOMES_CERTIFICATION
    )
    if certification_holds(summary):
        return summary
    missing = summary_missing(summary)
    if missing:
        raise ValidationError(
            "Complete the outcomes summary before it is certified. Missing: "
            + "; ".join(missing)
            + "."
        )
    before = audit.snapshot(summary, AUDITED)
    summary.status = Status.CERTIFIED
    summary.certified_by = actor
    summary.certified_on = today or timezone.localdate()
    summary.certified_hash = summary_hash(summary)
    return _save(
        actor=actor,
        action="outcomes.certified",
        summary=summary,
        before=before,
        extra=conflict.audit_changes(),
    )


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
    if not certification_holds(summary):
        raise ValidationError(
            "The summary is approved once it is certified; the signatory has not certified this "
            "text."
        )
    # The engine checks authority and conflicts, ignores a repeat and audits the act.
    record = record_act(
        actor=actor,
        project=locked,
        document=DOCUMENT,
        subject=SUBJECT,
        act=core.Act(decision),
        body=body,
        organisation=organisation,
        reason=reason,
    )
    return record


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
    if not fully_approved(locked, summary):
        raise ValidationError(
            "Only a summary that is certified and approved by the project team and every "
            "party's governance committee can be published, exactly as they signed it off."
        )
    conflict = check_decision(
        person=actor, project=locked, decision=DecisionKind.OUTCOMES_PUBLICATION
    )
    before = audit.snapshot(summary, AUDITED)
    summary.status = Status.PUBLISHED
    summary.published_on = today or timezone.localdate()
    summary.published_by = actor
    _save(
        actor=actor,
        action="outcomes.published",
        summary=summary,
        before=before,
        extra=conflict.audit_changes(),
    )
    # Raises GateBlocked when a rule still fails, which rolls the publication back with it.
    partnerships.transition_locked(
        actor=actor, project=locked, name=PUBLISH_STEP[locked.state_enum], today=today
    )
    return summary
