"""Forms for certifying and approving an amendment, and for variation signature dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from triplewin.amendments.forms.amendments import VersionForm
from triplewin.amendments.models import VariationSignature
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
    def __init__(self, *args: Any, signatures: list[VariationSignature], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.signatures = signatures
        for s in signatures:
            name = f"signed_{s.organisation_id}"
            self.fields[name] = DateField(
                label=f"Date {s.organisation.name} signed",
                required=False,
                help_text="Leave empty until this party has signed.",
                error_messages={"invalid": "Enter a real date, like 2027-03-14."},
            )
            self.initial.setdefault(name, s.signed_on)

    def signature_fields(self) -> list[forms.BoundField]:
        return [self[f"signed_{s.organisation_id}"] for s in self.signatures]

    def dates(self) -> dict[int, dt.date | None]:
        return {
            s.organisation_id: self.cleaned_data[f"signed_{s.organisation_id}"]
            for s in self.signatures
        }
