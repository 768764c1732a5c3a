"""Certifying and approving a PID version; the last sign-off moves the project on.

The acts themselves are the sign-off engine's (`triplewin.signoff.services.record_act`); the PID
adds its own steps around them: sign-off happens during set-up, and the last act takes the
project to "PID approved".
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from triplewin.agreement.services import agreement_move_on
from triplewin.core import signoff as core
from triplewin.core.lifecycle import State
from triplewin.organisations.models import Organisation
from triplewin.partnerships import services as partnerships
from triplewin.partnerships.errors import GateBlocked
from triplewin.partnerships.models import Project
from triplewin.pid.models import Decision
from triplewin.pid.selectors import DOCUMENT, SUBJECT, pid_status
from triplewin.pid.services.versions import lock_for_sign_off
from triplewin.signoff.models import SignOffAct
from triplewin.signoff.services import record_act


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
    # When every party signed the agreement before the PID was approved, the approval is the
    # last thing "Agreement signed" waited for.
    agreement_move_on(actor=actor, project=project, today=today)


@transaction.atomic
def pid_certify(
    *,
    actor: User,
    project: Project,
    version_number: int,
    organisation: Organisation | None = None,
    today: dt.date | None = None,
) -> SignOffAct:
    locked = lock_for_sign_off(project)
    record = record_act(
        actor=actor,
        project=locked,
        document=DOCUMENT,
        subject=SUBJECT,
        act=core.Act.CERTIFY,
        version=version_number,
        organisation=organisation,
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
) -> SignOffAct:
    """Record the team's or one committee's decision on the latest version."""
    locked = lock_for_sign_off(project)
    if decision not in Decision.values:
        raise ValidationError({"decision": "Choose approve or reject."})
    record = record_act(
        actor=actor,
        project=locked,
        document=DOCUMENT,
        subject=SUBJECT,
        act=core.Act(decision),
        version=version_number,
        body=body,
        organisation=organisation,
        reason=reason,
    )
    _advance(actor, locked, today)
    return record
