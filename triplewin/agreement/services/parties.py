"""Naming the organisations that sign, and recording their signatures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.agreement.models import AgreementParty
from triplewin.agreement.selectors import (
    SIGNATURE_DOCUMENT,
    SIGNATURE_SUBJECT,
    agreement_unsigned_parties,
    party_signatures,
)
from triplewin.agreement.services.record import agreement_for, lock_editable
from triplewin.audit import services as audit
from triplewin.core import signoff as core_signoff
from triplewin.core.lifecycle import State
from triplewin.core.rules import GateReport
from triplewin.organisations.models import Organisation
from triplewin.partnerships import services as partnerships
from triplewin.partnerships.errors import GateBlocked, StaleEdit
from triplewin.partnerships.models import Project
from triplewin.signoff import services as signoff

INDIVIDUAL_REFUSED = (
    "Agreements are made between organisations, never with an individual member of staff. "
    "Choose the organisation that signs, then name the person who signs on its behalf."
)
PARTY_FIELDS = ("organisation", "signatory_name", "signatory_job_title")


def not_legal_entity_message(organisation: Organisation) -> str:
    return (
        f"{organisation} cannot sign: it is not a legal entity. Add the legal entity that "
        "signs for it instead, such as the trust or GP federation that hosts it."
    )


def _signatory(name: str, job_title: str) -> tuple[str, str]:
    errors = {}
    if not name.strip():
        errors["signatory_name"] = "Enter the name of the person who signs for the organisation."
    if not job_title.strip():
        errors["signatory_job_title"] = "Enter the job title of the person who signs."
    if errors:
        raise ValidationError(errors)
    return name.strip(), job_title.strip()


def _current(party: AgreementParty, expected_version: int | None) -> AgreementParty:
    current = (
        AgreementParty.objects.select_for_update(of=("self",))
        .select_related("organisation", "agreement")
        .get(pk=party.pk)
    )
    if expected_version is not None and current.row_version != expected_version:
        raise StaleEdit()
    return current


@transaction.atomic
def party_add(
    *,
    actor: User,
    project: Project,
    organisation: Organisation,
    signatory_name: str,
    signatory_job_title: str,
) -> AgreementParty:
    # Callers pass what a person chose; anything but an organisation is refused by name.
    if not isinstance(organisation, Organisation):
        raise ValidationError({"organisation": INDIVIDUAL_REFUSED})
    # A patient organisation is never a party; it may only be contracted for a service (ADR 0021).
    partnerships.refuse_patient_organisation(organisation, field="organisation")
    if not organisation.is_legal_entity:
        raise ValidationError({"organisation": not_legal_entity_message(organisation)})
    name, job_title = _signatory(signatory_name, signatory_job_title)
    locked = lock_editable(project.pk)
    agreement = agreement_for(actor, locked)
    if agreement.parties.filter(organisation=organisation).exists():
        raise ValidationError({"organisation": f"{organisation} is already a party."})
    party = AgreementParty(
        agreement=agreement,
        organisation=organisation,
        signatory_name=name,
        signatory_job_title=job_title,
    )
    party.full_clean()
    party.save()
    audit.record(
        actor=actor,
        action="agreement.party_added",
        obj=party,
        project_id=locked.pk,
        changes=audit.diff({}, audit.snapshot(party, PARTY_FIELDS)),
    )
    return party


@transaction.atomic
def party_update(
    *,
    actor: User,
    party: AgreementParty,
    signatory_name: str,
    signatory_job_title: str,
    expected_version: int | None,
) -> AgreementParty:
    locked = lock_editable(party.agreement.project_id)
    current = _current(party, expected_version)
    before = audit.snapshot(current, PARTY_FIELDS)
    current.signatory_name, current.signatory_job_title = _signatory(
        signatory_name, signatory_job_title
    )
    current.full_clean()
    changes = audit.diff(before, audit.snapshot(current, PARTY_FIELDS))
    if not changes:
        return current
    current.row_version += 1
    current.save()
    audit.record(
        actor=actor,
        action="agreement.party_updated",
        obj=current,
        project_id=locked.pk,
        changes=changes,
    )
    return current


@transaction.atomic
def party_remove(
    *, actor: User, party: AgreementParty, expected_version: int | None = None
) -> None:
    locked = lock_editable(party.agreement.project_id)
    current = _current(party, expected_version)
    if party_signatures(locked, [current])[current.pk] is not None:
        raise ValidationError(
            f"{current.organisation} has already signed, so it stays on the record. A change "
            "of parties after signing needs a variation agreement."
        )
    audit.record(
        actor=actor,
        action="agreement.party_removed",
        obj=current,
        project_id=locked.pk,
        changes=audit.diff(audit.snapshot(current, PARTY_FIELDS), {}),
    )
    current.delete()


@dataclass(frozen=True)
class SignResult:
    party: AgreementParty
    all_signed: bool
    # Whether this signature moved the project on to "agreement signed".
    moved: bool = False
    # Why the project could not move on, when every party has signed but a rule fails.
    blocked: GateReport | None = None


@transaction.atomic
def party_sign(
    *,
    actor: User,
    party: AgreementParty,
    signed_on: dt.date,
    expected_version: int | None,
    today: dt.date | None = None,
) -> SignResult:
    """Record a party's signature as a "sign" act of the sign-off engine, bound to the
    agreement's terms; the last one moves a project whose PID is approved on.

    The party's named signatory and job title go into the act's statement. A new date is a
    new act (the latest counts); the same date again records nothing.
    """
    today = today or timezone.localdate()
    if signed_on > today:
        raise ValidationError({"signed_on": "The date signed cannot be in the future."})
    if signed_on < dt.date(2000, 1, 1):
        raise ValidationError({"signed_on": "Enter a date from 2000 onwards."})
    locked = lock_editable(party.agreement.project_id)
    current = _current(party, expected_version)
    before = party_signatures(locked, [current])[current.pk]
    signatory = f"{current.signatory_name}, {current.signatory_job_title}"
    signoff.record_act(
        actor=actor,
        project=locked,
        document=SIGNATURE_DOCUMENT,
        subject=SIGNATURE_SUBJECT,
        act=core_signoff.Act.SIGN,
        organisation=current.organisation,
        signatory=signatory,
        signed_on=signed_on,
    )
    if before is None or (before.signed_on, before.signatory) != (signed_on, signatory):
        # A new signature act: the party's version moves on, so older forms are stale.
        current.row_version += 1
        current.save(update_fields=["row_version"])
    all_signed = agreement_unsigned_parties(locked) == ()
    moved, blocked = agreement_move_on(actor=actor, project=locked, today=today)
    return SignResult(current, all_signed, moved=moved, blocked=blocked)


def agreement_move_on(
    *, actor: User, project: Project, today: dt.date | None = None
) -> tuple[bool, GateReport | None]:
    """Take the project to "Agreement signed" once every party has signed and the PID is
    approved, whichever of the two came last: the step "Mark agreement signed" takes, with its
    gate, its history row and its audit event, so nobody has to press it.

    The caller holds the project's row lock. Returns whether the project moved on and, when
    every party has signed but a rule holds the step back, the gate's report.
    """
    if project.state_enum is not State.PID_APPROVED or agreement_unsigned_parties(project) != ():
        return False, None
    try:
        # A savepoint: a refused step must leave the caller's own write in place and nothing else.
        with transaction.atomic():
            partnerships.transition_locked(
                actor=actor, project=project, name="sign_agreement", today=today
            )
    except GateBlocked as blocked:
        return False, blocked.report
    return True, None
