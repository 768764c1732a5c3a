"""Forms for certifying and approving an amendment, and for variation signature dates."""

from __future__ import annotations

from typing import Any

from django import forms

from triplewin.amendments.forms.amendments import VersionForm
from triplewin.amendments.presenters.variation import VariationPartyRow
from triplewin.amendments.services.variation import PartySignature
from triplewin.config.date_input import DateField
from triplewin.config.forms import GuardedForm
from triplewin.pid.forms.signoff import CertifyingFields, DecisionFields


class SeenForm(GuardedForm):
    """Carries the hash of the amendment content the person read."""

    seen_hash = forms.CharField(widget=forms.HiddenInput)


class CertifyForm(SeenForm, CertifyingFields):
    pass


class DecisionForm(SeenForm, DecisionFields):
    subject = "the amendment"
    rejection_prompt = "Say why the amendment is rejected"


class VariationForm(VersionForm):
    """Each party's signatory and date on one page. The signatory is filled in from the
    agreement's named signatory for that party, or from the signature already recorded."""

    def __init__(self, *args: Any, parties: list[VariationPartyRow], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.parties = parties
        for row in parties:
            org = row.organisation
            self.fields[f"signatory_{org.pk}"] = forms.CharField(
                label=f"Who signed for {org.name}",
                required=False,
                max_length=200,
                help_text="Their name and job title, as on the signed variation.",
            )
            self.fields[f"signed_{org.pk}"] = DateField(
                label=f"Date {org.name} signed",
                required=False,
                help_text="Leave empty until this party has signed.",
                error_messages={"invalid": "Enter a real date, like 2027-03-14."},
            )
            self.initial.setdefault(f"signatory_{org.pk}", row.signatory)
            self.initial.setdefault(f"signed_{org.pk}", row.signed_on)

    def party_fields(self) -> list[tuple[str, forms.BoundField, forms.BoundField]]:
        return [
            (
                row.organisation.name,
                self[f"signatory_{row.organisation.pk}"],
                self[f"signed_{row.organisation.pk}"],
            )
            for row in self.parties
        ]

    def signatures(self) -> dict[int, PartySignature]:
        return {
            row.organisation.pk: PartySignature(
                self.cleaned_data[f"signatory_{row.organisation.pk}"],
                self.cleaned_data[f"signed_{row.organisation.pk}"],
            )
            for row in self.parties
        }
