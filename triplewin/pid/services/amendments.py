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
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from triplewin.core import signoff as core
from triplewin.core.lifecycle import State
from triplewin.partnerships.models import Project
from triplewin.pid.models import PidVersion
from triplewin.pid.selectors import DOCUMENT, SUBJECT, as_version, latest_signed_off_version
from triplewin.pid.services.editing import save_fields_locked, save_responsibilities_locked
from triplewin.pid.services.versions import freeze_locked
from triplewin.signoff import services as signoff
from triplewin.signoff.models import SignOffAct
from triplewin.signoff.selectors import required_bodies

AMENDABLE_IN = frozenset(
    {State.PID_APPROVED, State.AGREEMENT_SIGNED, State.SUMMARY_PUBLISHED, State.IN_DELIVERY}
)


def _check_sign_off(project: Project, acts: Sequence[SignOffAct]) -> None:
    """Refuse unless the amendment's acts include a certification and cover every body."""
    industry = {
        p.organisation_id for p in project.partners.all() if p.organisation.is_pharmaceutical
    }
    certified = [a for a in acts if a.act == core.Act.CERTIFY]
    if not certified or certified[0].organisation_id not in industry:
        raise ValidationError("An amendment must be certified for an industry partner.")
    given = {core.body_key(a.body, a.organisation_id) for a in acts if a.act == core.Act.APPROVE}
    missing = [b.label for b in required_bodies(project, DOCUMENT) if b.key not in given]
    if missing:
        raise ValidationError("The amendment still needs approval from: " + "; ".join(missing))


@transaction.atomic
def pid_amend(
    *,
    actor: User,
    project: Project,
    fields: Mapping[str, Any],
    responsibilities: Mapping[int, str],
    note: str,
    signed_off: Sequence[SignOffAct],
) -> PidVersion:
    """Apply the changes, freeze the next version, and bind the amendment's sign-off to it.

    `signed_off` is the certification and the approvals the amendment received.
    """
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if locked.state_enum not in AMENDABLE_IN:
        raise ValidationError("The PID can be amended once it is approved and until delivery ends.")
    if latest_signed_off_version(locked) is None:
        raise ValidationError("Only an approved PID can be amended.")
    _check_sign_off(locked, signed_off)
    if fields:
        save_fields_locked(actor=actor, locked=locked, fields=fields, expected_version=None)
    if responsibilities:
        save_responsibilities_locked(
            actor=actor, locked=locked, texts=responsibilities, expected_version=None
        )
    version = freeze_locked(actor=actor, locked=locked, note=note)
    signoff.carry_over(
        actor=actor,
        project=locked,
        document=DOCUMENT,
        subject=SUBJECT,
        version=as_version(version),
        acts=signed_off,
        through=note,
    )
    return version
