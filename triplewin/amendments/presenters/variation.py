"""How a variation agreement's signatures read: each party, who signed for it, and when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from triplewin.agreement.selectors import agreement_of, parties_of
from triplewin.amendments.models import VariationAgreement
from triplewin.amendments.selectors import variation_signatures
from triplewin.config.filters import govuk_date
from triplewin.core import signoff as core
from triplewin.organisations.models import Organisation
from triplewin.signoff import selectors as signoff


@dataclass(frozen=True)
class VariationPartyRow:
    organisation: Organisation
    # Who signed, as recorded; before they sign, the agreement's named signatory for the party.
    signatory: str
    signed_on: dt.date | None
    recorded_by: str = ""

    @property
    def text(self) -> str:
        if self.signed_on is None:
            return "Not signed yet"
        return f"Signed by {self.signatory} on {govuk_date(self.signed_on)}"


def variation_rows(variation: VariationAgreement) -> list[VariationPartyRow]:
    """One row per party, in name order, from the signatures the engine holds."""
    state = variation_signatures(variation)
    named = {
        p.organisation_id: f"{p.signatory_name}, {p.signatory_job_title}".strip(", ")
        for p in parties_of(agreement_of(variation.amendment.project))
    }
    rows = []
    for party in variation.parties.select_related("organisation"):
        act = signoff.signature_of(state, party.organisation) if state else None
        if act is None:
            rows.append(
                VariationPartyRow(party.organisation, named.get(party.organisation_id, ""), None)
            )
        else:
            rows.append(
                VariationPartyRow(
                    party.organisation,
                    core.signatory_of(act.statement),
                    timezone.localtime(act.at).date(),
                    core.person(act.actor_label),
                )
            )
    return rows
