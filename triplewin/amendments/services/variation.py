"""Recording when each party signed a variation agreement."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.amendments.models import VariationAgreement
from triplewin.audit import services as audit
from triplewin.conflicts.decisions import check_decision
from triplewin.conflicts.models import DecisionKind
from triplewin.partnerships.errors import StaleEdit


@transaction.atomic
def variation_signatures_save(
    *,
    actor: User,
    variation: VariationAgreement,
    dates: Mapping[int, dt.date | None],
    expected_version: int | None,
    today: dt.date | None = None,
) -> VariationAgreement:
    """Set each party's signature date (by organisation id); None means not signed yet."""
    locked = (
        VariationAgreement.objects.select_for_update()
        .select_related("amendment__project")
        .get(pk=variation.pk)
    )
    if expected_version is not None and locked.row_version != expected_version:
        raise StaleEdit()
    conflict = (
        check_decision(
            person=actor,
            project=locked.amendment.project,
            decision=DecisionKind.AGREEMENT_SIGNATURE,
        )
        if any(day is not None for day in dates.values())
        else None
    )
    signatures = {s.organisation_id: s for s in locked.signatures.select_related("organisation")}
    if set(dates) - set(signatures):
        raise ValidationError("A date was given for an organisation that is not a party.")
    today = today or timezone.localdate()
    approved_on = (
        timezone.localdate(locked.amendment.approved_at) if locked.amendment.approved_at else None
    )
    changes: audit.Changes = {}
    for org_id, day in dates.items():
        row = signatures[org_id]
        if day is not None and day > today:
            raise ValidationError({f"signed_{org_id}": "A signature date cannot be in the future."})
        if day is not None and approved_on is not None and day < approved_on:
            raise ValidationError(
                {
                    f"signed_{org_id}": "The variation cannot be signed before the amendment was approved."
                }
            )
        if row.signed_on != day:
            changes[row.organisation.name] = [
                row.signed_on.isoformat() if row.signed_on else None,
                day.isoformat() if day else None,
            ]
            row.signed_on = day
            row.save(update_fields=["signed_on"])
    if changes:
        locked.row_version += 1
        locked.save(update_fields=["row_version"])
        audit.record(
            actor=actor,
            action="variation.signatures_saved",
            obj=locked,
            project_id=locked.amendment.project_id,
            changes={**changes, **(conflict.audit_changes() if conflict else {})},
        )
    return locked
