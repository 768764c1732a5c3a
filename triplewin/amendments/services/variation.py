"""Recording each party's signature on a variation agreement, through the sign-off engine."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.amendments.models import VariationAgreement
from triplewin.amendments.selectors import (
    VARIATION_DOCUMENT,
    variation_signatures,
    variation_subject,
)
from triplewin.core import signoff as core
from triplewin.partnerships.errors import StaleEdit
from triplewin.signoff import selectors as signoff_selectors
from triplewin.signoff import services as signoff


@dataclass(frozen=True)
class PartySignature:
    """Who signed for a party, and when; both empty when the party has not signed yet."""

    signatory: str
    signed_on: dt.date | None


@transaction.atomic
def variation_signatures_save(
    *,
    actor: User,
    variation: VariationAgreement,
    signatures: Mapping[int, PartySignature],
    expected_version: int | None,
    today: dt.date | None = None,
) -> VariationAgreement:
    """Record the parties' signatures (by organisation id) as "sign" acts of the engine.

    A signature is a fact on the record: once recorded it is never removed, only corrected by
    a new act with the right date or signatory (the latest act stands, as for the agreement).
    The engine checks the actor's conflicts of interest and audits each act.
    """
    locked = (
        VariationAgreement.objects.select_for_update()
        .select_related("amendment__project")
        .get(pk=variation.pk)
    )
    if expected_version is not None and locked.row_version != expected_version:
        raise StaleEdit()
    parties = {p.organisation_id: p for p in locked.parties.select_related("organisation")}
    if set(signatures) - set(parties):
        raise ValidationError("A signature was given for an organisation that is not a party.")
    today = today or timezone.localdate()
    approved = locked.amendment.approved_at
    approved_on = timezone.localdate(approved) if approved else None
    state = variation_signatures(locked)
    errors: dict[str, str] = {}
    wanted = []
    for org_id, given in signatures.items():
        party = parties[org_id]
        standing = signoff_selectors.signature_of(state, party.organisation) if state else None
        field = f"signed_{org_id}"
        if given.signed_on is None:
            if standing is not None:
                errors[field] = (
                    f"{party.organisation.name}'s signature is on the record and stays there. "
                    "If the date was wrong, enter the right one."
                )
            continue
        if given.signed_on > today:
            errors[field] = "A signature date cannot be in the future."
        elif approved_on is not None and given.signed_on < approved_on:
            errors[field] = "The variation cannot be signed before the amendment was approved."
        if not given.signatory.strip():
            errors[f"signatory_{org_id}"] = (
                f"Name the person who signed for {party.organisation.name}."
            )
        if standing is not None and (
            timezone.localtime(standing.at).date(),
            core.signatory_of(standing.statement),
        ) == (given.signed_on, given.signatory.strip()):
            continue
        wanted.append((party.organisation, given))
    if errors:
        raise ValidationError(errors)
    for organisation, given in wanted:
        signoff.record_act(
            actor=actor,
            project=locked.amendment.project,
            document=VARIATION_DOCUMENT,
            subject=variation_subject(locked),
            act=core.Act.SIGN,
            organisation=organisation,
            signatory=given.signatory.strip(),
            signed_on=given.signed_on,
        )
    if wanted:
        locked.row_version += 1
        locked.save(update_fields=["row_version"])
    return locked
