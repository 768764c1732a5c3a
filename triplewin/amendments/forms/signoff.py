"""Forms for certifying and approving an amendment, and for variation signature dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from triplewin.amendments.forms.amendments import DATE, VersionForm
from triplewin.amendments.models import VariationSignature
from triplewin.pid.models import Decision


class SeenForm(forms.Form):
    """Carries the hash of the amendment content the person read."""

    seen_hash = forms.CharField(widget=forms.HiddenInput)


class CertifyForm(SeenForm):
    organisation = forms.TypedChoiceField(
        label="Certifying for",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the company you are certifying for."},
    )

    def __init__(self, *args: Any, organisations: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = organisations
        if len(organisations) == 1:
            self.initial.setdefault("organisation", organisations[0][0])


class DecisionForm(SeenForm):
    body = forms.ChoiceField(
        label="Recording the decision of",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whose decision you are recording.",
            "invalid_choice": "Choose one of the bodies listed.",
        },
    )
    decision = forms.ChoiceField(
        choices=Decision.choices,
        widget=forms.RadioSelect,
        label="Decision",
        error_messages={"required": "Choose approve or reject."},
    )
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
        label="Reason or comments",
        help_text="Required if you reject the amendment.",
        error_messages={"max_length": "Keep this under 4000 characters."},
    )

    def __init__(self, *args: Any, bodies: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["body"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = bodies
        if len(bodies) == 1:
            self.initial.setdefault("body", bodies[0][0])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == Decision.REJECT and not cleaned.get("reason", "").strip():
            self.add_error(
                "reason", "Say why the amendment is rejected, so the partners know what to change."
            )
        return cleaned


class VariationForm(VersionForm):
    def __init__(self, *args: Any, signatures: list[VariationSignature], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.signatures = signatures
        for s in signatures:
            name = f"signed_{s.organisation_id}"
            self.fields[name] = forms.DateField(
                label=f"Date {s.organisation.name} signed",
                widget=DATE,
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
