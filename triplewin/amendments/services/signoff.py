"""Certifying and approving an amendment; the last sign-off applies it to the PID.

The same people sign an amendment off as sign off the PID (`triplewin.pid.authority`): the
company's certification signatory, the project team's chair or project manager, and a member
of each partner's governance committee.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.amendments.fields import Target, amendable_fields
from triplewin.amendments.models import (
    Amendment,
    AmendmentApproval,
    AmendmentCertification,
    AmendmentStatus,
    VariationAgreement,
    VariationSignature,
)
from triplewin.amendments.selectors import is_stale, sign_off_state, variation_parties
from triplewin.amendments.services._common import lock_amendment
from triplewin.audit import services as audit
from triplewin.conflicts.decisions import check_decision
from triplewin.conflicts.models import DecisionKind
from triplewin.organisations.models import Organisation
from triplewin.partnerships import services as partnerships
from triplewin.pid import authority
from triplewin.pid import services as pid
from triplewin.pid.models import Decision

SUBMITTED = (AmendmentStatus.SUBMITTED,)


def _lock_for_sign_off(amendment: Amendment, seen_hash: str | None) -> Amendment:
    locked = lock_amendment(amendment, statuses=SUBMITTED)
    if seen_hash is not None and seen_hash != locked.content_hash:
        raise ValidationError(
            "The amendment was returned to draft or submitted again after you opened it. Read "
            "it again before you decide."
        )
    if is_stale(locked):
        raise ValidationError(
            "The PID has changed since this amendment was submitted, so it no longer shows "
            "exactly what would change. Return it to draft and submit it again."
        )
    return locked


@transaction.atomic
def amendment_certify(
    *,
    actor: User,
    amendment: Amendment,
    organisation: Organisation | None = None,
    seen_hash: str | None = None,
) -> AmendmentCertification:
    """Certify the amendment; `seen_hash` is the content hash of what the signatory read."""
    locked = _lock_for_sign_off(amendment, seen_hash)
    allowed = authority.certifying_organisations(actor, locked.project)
    if not allowed:
        raise ValidationError(
            "Only a certification signatory of an industry partner in this project can certify "
            "an amendment."
        )
    if organisation is None:
        organisation = allowed[0]
    elif organisation.pk not in {o.pk for o in allowed}:
        raise ValidationError(f"You are not a certification signatory for {organisation}.")
    conflict = check_decision(
        person=actor, project=locked.project, decision=DecisionKind.AMENDMENT_CERTIFICATION
    )
    existing = sign_off_state(locked).certification
    if existing is not None:
        return existing
    record = AmendmentCertification.objects.create(
        amendment=locked,
        organisation=organisation,
        certified_by=actor,
        certified_by_label=audit.actor_label(actor),
        content_hash=locked.content_hash,
    )
    audit.record(
        actor=actor,
        action="amendment.certified",
        obj=record,
        project_id=locked.project_id,
        changes={
            "organisation": [None, organisation.name],
            "content_hash": [None, record.content_hash],
            **conflict.audit_changes(),
        },
    )
    _apply_if_signed_off(actor, locked)
    return record


@transaction.atomic
def amendment_decide(
    *,
    actor: User,
    amendment: Amendment,
    body: str,
    organisation: Organisation | None,
    decision: str,
    reason: str = "",
    seen_hash: str | None = None,
) -> AmendmentApproval:
    """Record one body's decision; `seen_hash` is the content hash of what was read."""
    locked = _lock_for_sign_off(amendment, seen_hash)
    authority.check_decision_authority(actor, locked.project, body, organisation)
    conflict = check_decision(
        person=actor, project=locked.project, decision=DecisionKind.AMENDMENT_APPROVAL
    )
    if decision not in Decision.values:
        raise ValidationError({"decision": "Choose approve or reject."})
    if decision == Decision.REJECT and not reason.strip():
        raise ValidationError(
            {"reason": "Say why the amendment is rejected, so the partners know what to change."}
        )
    latest = (
        AmendmentApproval.objects.filter(
            amendment=locked, body=body, organisation=organisation, content_hash=locked.content_hash
        )
        .order_by("at", "id")
        .last()
    )
    if latest is not None and latest.decision == decision:
        return latest
    record = AmendmentApproval.objects.create(
        amendment=locked,
        body=body,
        organisation=organisation,
        approved_by=actor,
        approved_by_label=audit.actor_label(actor),
        decision=decision,
        reason=reason.strip(),
        content_hash=locked.content_hash,
    )
    audit.record(
        actor=actor,
        action="amendment.approved" if decision == Decision.APPROVE else "amendment.rejected",
        obj=record,
        project_id=locked.project_id,
        changes={
            "body": [None, body if organisation is None else f"{body}: {organisation.name}"],
            "decision": [None, decision],
            "content_hash": [None, locked.content_hash],
            **conflict.audit_changes(),
        },
    )
    _apply_if_signed_off(actor, locked)
    return record


def _apply_if_signed_off(actor: User, amendment: Amendment) -> None:
    """Apply the changes and produce the next PID version once everyone has signed off."""
    state = sign_off_state(amendment)
    if not state.signed_off or state.certification is None:
        return
    project = amendment.project
    targets = {a.key: a for a in amendable_fields(project)}
    fields: dict[str, str] = {}
    responsibilities: dict[int, str] = {}
    dates = {}
    for change in amendment.changes.all():
        target = targets[change.field_key]
        if target.target is Target.PID:
            fields[change.field_key] = change.after
        elif target.target is Target.RESPONSIBILITY:
            responsibilities[target.organisation_id] = change.after
        else:
            dates[change.field_key] = change.after
    if dates:
        partnerships.project_update(actor=actor, project=project, expected_version=None, **dates)
    cert = state.certification
    version = pid.pid_amend(
        actor=actor,
        project=project,
        fields=fields,
        responsibilities=responsibilities,
        note=str(amendment),
        certification=pid.AmendmentSignOff(
            cert.certified_by, cert.certified_by_label, cert.organisation
        ),
        approvals=[
            pid.AmendmentSignOff(
                d.latest.approved_by, d.latest.approved_by_label, d.latest.organisation, d.body.body
            )
            for d in state.decisions
            if d.latest is not None
        ],
    )
    amendment.status = AmendmentStatus.APPROVED
    amendment.produced_version = version
    amendment.approved_at = timezone.now()
    amendment.row_version += 1
    amendment.save()
    audit.record(
        actor=actor,
        action="amendment.applied",
        obj=amendment,
        project_id=project.pk,
        changes={
            "status": [AmendmentStatus.SUBMITTED.value, AmendmentStatus.APPROVED.value],
            "pid_version": [version.number - 1, version.number],
        },
    )
    if amendment.changes_contract:
        _open_variation(actor, amendment)


def _open_variation(actor: User, amendment: Amendment) -> VariationAgreement:
    variation = VariationAgreement(amendment=amendment, changes=amendment.contract_changes)
    variation.full_clean()
    variation.save()
    for organisation in variation_parties(amendment.project):
        VariationSignature.objects.create(variation=variation, organisation=organisation)
    audit.record(
        actor=actor,
        action="variation.opened",
        obj=variation,
        project_id=amendment.project_id,
        changes={"changes": [None, variation.changes]},
    )
    return variation
