"""Certifying and approving a PID version; the last sign-off moves the project on."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from triplewin.audit import services as audit
from triplewin.conflicts.decisions import check_decision
from triplewin.conflicts.models import DecisionKind
from triplewin.core.lifecycle import State
from triplewin.organisations.models import Organisation
from triplewin.partnerships import services as partnerships
from triplewin.partnerships.errors import GateBlocked
from triplewin.partnerships.models import Project
from triplewin.pid import authority
from triplewin.pid.models import Decision, PidApproval, PidCertification, PidVersion
from triplewin.pid.selectors import current_hash, latest_version, pid_status
from triplewin.pid.services.versions import lock_for_sign_off


def _version_on_screen(project: Project, number: int) -> PidVersion:
    """The latest version, provided it is the one the person read and it still holds."""
    latest = latest_version(project)
    if latest is None:
        raise ValidationError("No PID version has been submitted for approval yet.")
    if latest.number != number:
        raise ValidationError(
            f"Version {number} has been replaced by version {latest.number}. Read the latest "
            "version and decide on that."
        )
    if current_hash(project) != latest.content_hash:
        raise ValidationError(
            f"The PID has changed since version {latest.number} was submitted. Submit a new "
            "version; sign-off applies only to the content it was given for."
        )
    return latest


def _advance(actor: User, project: Project, today: dt.date | None) -> None:
    """Take the project to "PID approved" when this sign-off was the last one needed."""
    if project.state_enum is not State.SETUP or not pid_status(project).approved:
        return
    try:
        partnerships.transition_locked(
            actor=actor, project=project, name="approve_pid", today=today
        )
    except GateBlocked:
        # The sign-off stands; the project page shows which rules still hold the step back.
        return


@transaction.atomic
def pid_certify(
    *,
    actor: User,
    project: Project,
    version_number: int,
    organisation: Organisation | None = None,
    today: dt.date | None = None,
) -> PidCertification:
    locked = lock_for_sign_off(project)
    allowed = authority.certifying_organisations(actor, locked)
    if not allowed:
        raise ValidationError(
            "Only a certification signatory of an industry partner in this project can certify "
            "the PID."
        )
    if organisation is None:
        organisation = allowed[0]
    elif organisation.pk not in {o.pk for o in allowed}:
        raise ValidationError(f"You are not a certification signatory for {organisation}.")
    conflict = check_decision(person=actor, project=locked, decision=DecisionKind.PID_CERTIFICATION)
    version = _version_on_screen(locked, version_number)
    existing = PidCertification.objects.filter(
        version=version, content_hash=version.content_hash
    ).first()
    if existing is not None:
        # Certification is of the content, once; a second click or signatory adds nothing.
        return existing
    record = PidCertification.objects.create(
        version=version,
        organisation=organisation,
        certified_by=actor,
        certified_by_label=audit.actor_label(actor),
        content_hash=version.content_hash,
    )
    audit.record(
        actor=actor,
        action="pid.certified",
        obj=record,
        project_id=locked.pk,
        changes={
            "version": [None, version.number],
            "organisation": [None, organisation.name],
            "content_hash": [None, version.content_hash],
            **conflict.audit_changes(),
        },
    )
    _advance(actor, locked, today)
    return record


@transaction.atomic
def pid_decide(
    *,
    actor: User,
    project: Project,
    version_number: int,
    body: str,
    organisation: Organisation | None,
    decision: str,
    reason: str = "",
    today: dt.date | None = None,
) -> PidApproval:
    """Record the team's or one committee's decision on the latest version."""
    locked = lock_for_sign_off(project)
    authority.check_decision_authority(actor, locked, body, organisation)
    conflict = check_decision(person=actor, project=locked, decision=DecisionKind.PID_APPROVAL)
    if decision not in Decision.values:
        raise ValidationError({"decision": "Choose approve or reject."})
    if decision == Decision.REJECT and not reason.strip():
        raise ValidationError(
            {"reason": "Say why the PID is rejected, so the partners know what to change."}
        )
    version = _version_on_screen(locked, version_number)
    latest = (
        PidApproval.objects.filter(version=version, body=body, organisation=organisation)
        .order_by("at", "id")
        .last()
    )
    if latest is not None and latest.decision == decision:
        # A repeated click, or a second member of the same body, changes nothing.
        return latest
    record = PidApproval.objects.create(
        version=version,
        body=body,
        organisation=organisation,
        approved_by=actor,
        approved_by_label=audit.actor_label(actor),
        decision=decision,
        reason=reason.strip(),
        content_hash=version.content_hash,
    )
    audit.record(
        actor=actor,
        action="pid.approved" if decision == Decision.APPROVE else "pid.rejected",
        obj=record,
        project_id=locked.pk,
        changes={
            "version": [None, version.number],
            "body": [None, body if organisation is None else f"{body}: {organisation.name}"],
            "decision": [None, decision],
            "content_hash": [None, version.content_hash],
            **conflict.audit_changes(),
        },
    )
    _advance(actor, locked, today)
    return record
