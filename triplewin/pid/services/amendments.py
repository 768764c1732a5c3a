"""The next PID version, made by an approved project amendment and signed off as it was.

Once the agreement is signed the PID can no longer be edited or re-submitted directly (see
EDITABLE_IN and SIGN_OFF_IN); it changes only through a project amendment, which the
amendments app records and has certified and approved. This service then applies the
amendment's changes, freezes the result as the next version, and binds to that version's
hash the certification and approvals the amendment received, so the PID reads as approved
again and each decision says which amendment it came through.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from triplewin.audit import services as audit
from triplewin.core.lifecycle import State
from triplewin.organisations.models import Organisation
from triplewin.partnerships.models import Project
from triplewin.pid.models import ApprovalBody, Decision, PidApproval, PidCertification, PidVersion
from triplewin.pid.selectors import Body, latest_signed_off_version, required_bodies
from triplewin.pid.services.editing import save_fields_locked, save_responsibilities_locked
from triplewin.pid.services.versions import freeze_locked

AMENDABLE_IN = frozenset(
    {State.PID_APPROVED, State.AGREEMENT_SIGNED, State.SUMMARY_PUBLISHED, State.IN_DELIVERY}
)


@dataclass(frozen=True)
class AmendmentSignOff:
    """One certification or approval the amendment received: by whom, for which body."""

    user: User | None
    label: str
    organisation: Organisation | None
    body: str = ""  # an ApprovalBody value; empty for the certification


def _key(signoff: AmendmentSignOff) -> str:
    return Body(signoff.body, signoff.organisation).key


def _check_sign_off(
    project: Project, certification: AmendmentSignOff, approvals: Sequence[AmendmentSignOff]
) -> Organisation:
    """The certifying company, once the sign-off is known to cover every body."""
    industry = {
        p.organisation_id for p in project.partners.all() if p.organisation.is_pharmaceutical
    }
    if certification.organisation is None or certification.organisation.pk not in industry:
        raise ValidationError("An amendment must be certified for an industry partner.")
    given = {_key(a) for a in approvals}
    missing = [b.label for b in required_bodies(project) if b.key not in given]
    if missing:
        raise ValidationError("The amendment still needs approval from: " + "; ".join(missing))
    return certification.organisation


@transaction.atomic
def pid_amend(
    *,
    actor: User,
    project: Project,
    fields: Mapping[str, Any],
    responsibilities: Mapping[int, str],
    note: str,
    certification: AmendmentSignOff,
    approvals: Sequence[AmendmentSignOff],
) -> PidVersion:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if locked.state_enum not in AMENDABLE_IN:
        raise ValidationError("The PID can be amended once it is approved and until delivery ends.")
    if latest_signed_off_version(locked) is None:
        raise ValidationError("Only an approved PID can be amended.")
    company = _check_sign_off(locked, certification, approvals)
    if fields:
        save_fields_locked(actor=actor, locked=locked, fields=fields, expected_version=None)
    if responsibilities:
        save_responsibilities_locked(
            actor=actor, locked=locked, texts=responsibilities, expected_version=None
        )
    version = freeze_locked(actor=actor, locked=locked, note=note)
    certified = PidCertification.objects.create(
        version=version,
        organisation=company,
        certified_by=certification.user,
        certified_by_label=certification.label,
        content_hash=version.content_hash,
    )
    audit.record(
        actor=actor,
        action="pid.certified",
        obj=certified,
        project_id=locked.pk,
        changes={"version": [None, version.number], "through": [None, note]},
    )
    for signoff in approvals:
        approval = PidApproval.objects.create(
            version=version,
            body=ApprovalBody(signoff.body),
            organisation=signoff.organisation,
            approved_by=signoff.user,
            approved_by_label=signoff.label,
            decision=Decision.APPROVE,
            reason=f"Approved through {note}",
            content_hash=version.content_hash,
        )
        audit.record(
            actor=actor,
            action="pid.approved",
            obj=approval,
            project_id=locked.pk,
            changes={"version": [None, version.number], "through": [None, note]},
        )
    return version
