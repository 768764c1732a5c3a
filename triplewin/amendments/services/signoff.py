"""Certifying and approving an amendment; the last sign-off applies it to the PID.

The acts are the sign-off engine's (`triplewin.signoff`); the same people sign an amendment
off as sign off the PID: the company's certification signatory, the project team's chair or
project manager, and a member of each partner's governance committee.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.amendments.fields import Target, amendable_fields, type_value
from triplewin.amendments.models import (
    Amendment,
    AmendmentStatus,
    VariationAgreement,
    VariationParty,
)
from triplewin.amendments.selectors import (
    DOCUMENT,
    is_stale,
    sign_off_state,
    subject_of,
    variation_parties,
)
from triplewin.amendments.services._common import lock_amendment
from triplewin.audit import services as audit
from triplewin.core import signoff as core
from triplewin.organisations.models import Organisation
from triplewin.partnerships import services as partnerships
from triplewin.pid import services as pid
from triplewin.pid.models import Decision
from triplewin.signoff.models import SignOffAct
from triplewin.signoff.services import record_act

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
) -> SignOffAct:
    """Certify the amendment; `seen_hash` is the content hash of what the signatory read."""
    locked = _lock_for_sign_off(amendment, seen_hash)
    record = record_act(
        actor=actor,
        project=locked.project,
        document=DOCUMENT,
        subject=subject_of(locked),
        act=core.Act.CERTIFY,
        organisation=organisation,
        seen_hash=seen_hash,
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
) -> SignOffAct:
    """Record one body's decision; `seen_hash` is the content hash of what was read."""
    locked = _lock_for_sign_off(amendment, seen_hash)
    if decision not in Decision.values:
        raise ValidationError({"decision": "Choose approve or reject."})
    record = record_act(
        actor=actor,
        project=locked.project,
        document=DOCUMENT,
        subject=subject_of(locked),
        act=core.Act(decision),
        body=body,
        organisation=organisation,
        reason=reason,
        seen_hash=seen_hash,
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
    details: dict[str, str | None] = {}
    for change in amendment.changes.all():
        target = targets[change.field_key]
        if target.target is Target.PID:
            fields[change.field_key] = change.after
        elif target.target is Target.RESPONSIBILITY:
            responsibilities[target.organisation_id] = change.after
        elif target.target is Target.TITLE:
            details["title"] = change.after
        elif target.target is Target.TYPE:
            details["intended_type"] = type_value(change.after)
        else:
            dates[change.field_key] = change.after
    if dates:
        partnerships.project_update(actor=actor, project=project, expected_version=None, **dates)
    if details:
        # Before the PID is frozen, so the version the amendment produces shows them.
        partnerships.project_amend_details(
            actor=actor, project=project, amendment=amendment, **details
        )
    standing = [state.certification] + [d.latest for d in state.decisions if d.latest]
    acts = SignOffAct.objects.select_related("organisation", "actor").in_bulk(
        [a.pk for a in standing]
    )
    version = pid.pid_amend(
        actor=actor,
        project=project,
        fields=fields,
        responsibilities=responsibilities,
        note=str(amendment),
        signed_off=[acts[a.pk] for a in standing if a.pk is not None],
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
        VariationParty.objects.create(variation=variation, organisation=organisation)
    audit.record(
        actor=actor,
        action="variation.opened",
        obj=variation,
        project_id=amendment.project_id,
        changes={"changes": [None, variation.changes]},
    )
    return variation
