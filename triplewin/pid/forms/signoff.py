"""Forms for submitting, certifying, approving and comparing PID versions."""

from __future__ import annotations

from typing import Any

from django import forms

from triplewin.config.forms import GuardedForm
from triplewin.pid.models import Decision


class SubmitForm(GuardedForm):
    note = forms.CharField(
        label="What changed in this version (optional)",
        help_text="Approvers see this note next to the version.",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Keep the note under 2000 characters."},
    )


class VersionField(forms.TypedChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("coerce", int)
        kwargs.setdefault(
            "error_messages",
            {
                "required": "Choose a version.",
                "invalid_choice": "Choose one of the versions listed.",
            },
        )
        super().__init__(**kwargs)


class CertifyingFields(GuardedForm):
    """Which company a certification signatory certifies for (PID and amendments)."""

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


class DecisionFields(GuardedForm):
    """A body's approve-or-reject decision; shared by the PID, amendments and outcomes.

    `rejection_prompt` ends "so the partners know what to change" and names the document.
    """

    subject = "the PID"
    rejection_prompt = "Say why the PID is rejected"

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
        error_messages={"max_length": "Keep this under 4000 characters."},
    )

    def __init__(self, *args: Any, bodies: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["body"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = bodies
        if len(bodies) == 1:
            self.initial.setdefault("body", bodies[0][0])
        self.fields["reason"].help_text = f"Required if you reject {self.subject}."

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == Decision.REJECT and not cleaned.get("reason", "").strip():
            self.add_error(
                "reason", f"{self.rejection_prompt}, so the partners know what to change."
            )
        return cleaned


class CertifyForm(CertifyingFields):
    version = forms.IntegerField(widget=forms.HiddenInput)


class DecisionForm(DecisionFields):
    version = forms.IntegerField(widget=forms.HiddenInput)


class CompareForm(GuardedForm):
    older = VersionField(label="Compare version")
    newer = VersionField(label="with version")

    def __init__(self, *args: Any, numbers: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(n, f"Version {n}") for n in numbers]
        for name in ("older", "newer"):
            field = self.fields[name]
            assert isinstance(field, forms.TypedChoiceField)
            field.choices = choices

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("older") is not None and cleaned.get("older") == cleaned.get("newer"):
            self.add_error("newer", "Choose two different versions.")
        return cleaned
