"""Forms for raising an amendment and saying what it changes."""

from __future__ import annotations

from typing import Any

from django import forms

from triplewin.amendments.fields import Amendable
from triplewin.amendments.models import TEXT_LIMIT, Amendment
from triplewin.amendments.services import AMENDMENT_FIELDS
from triplewin.config.date_input import DateField
from triplewin.config.forms import GuardedForm
from triplewin.submissions.versions import RowVersionField


def _text(label: str, help_text: str = "", *, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=TEXT_LIMIT,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": f"Keep this under {TEXT_LIMIT} characters."},
    )


class VersionForm(GuardedForm):
    row_version = RowVersionField()


class AmendmentForm(VersionForm):
    title = forms.CharField(
        label="What the amendment is about",
        max_length=200,
        help_text="A short name, such as 'Three-month extension after recruitment delays'.",
        error_messages={"required": "Say what the amendment is about."},
    )
    reason = forms.CharField(
        label="Why the change is needed",
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say why the change is needed."},
    )
    impact_timeline = _text("Impact on the timeline", "New dates, and which milestones move.")
    impact_logistics = _text(
        "Impact on logistics and resources", "Staff, sites, equipment or data affected."
    )
    impact_money = _text(
        "Impact on money", "Any change to what each party pays or contributes, with amounts."
    )
    changes_contract = forms.BooleanField(
        label="The signed agreement must change too",
        required=False,
        help_text="A variation agreement is then opened for the parties to sign.",
    )
    contract_changes = _text("What changes in the agreement", "Required if the agreement changes.")

    @classmethod
    def for_amendment(cls, amendment: Amendment | None, data: Any = None) -> AmendmentForm:
        if amendment is None:
            return cls(data=data)
        initial = {name: getattr(amendment, name) for name in AMENDMENT_FIELDS}
        initial["row_version"] = amendment.row_version
        return cls(data=data, initial=initial)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("changes_contract") and not cleaned.get("contract_changes", "").strip():
            self.add_error("contract_changes", "Say what changes in the agreement.")
        return cleaned

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in AMENDMENT_FIELDS}


class ChooseFieldForm(GuardedForm):
    field = forms.ChoiceField(
        label="Which part of the PID changes?",
        error_messages={
            "required": "Choose the part of the PID that changes.",
            "invalid_choice": "Choose one of the parts of the PID listed.",
        },
    )

    def __init__(self, *args: Any, fields: list[Amendable], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice = self.fields["field"]
        assert isinstance(choice, forms.ChoiceField)
        choice.choices = [("", "Choose a part of the PID")] + [
            (f.key, f"{f.section_title}: {f.label}") for f in fields
        ]


class ChangeForm(VersionForm):
    """The new text (or date) for one chosen field."""

    field_key = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, field: Amendable, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.amendable = field
        label = f"What {field.label} should say after the amendment"
        if field.is_date:
            self.fields["after"] = DateField(
                label=f"New {field.label.lower()}",
                error_messages={
                    "required": "Enter the new date.",
                    "invalid": "Enter a real date, like 2027-03-14.",
                },
            )
        else:
            self.fields["after"] = forms.CharField(
                label=label,
                max_length=TEXT_LIMIT,
                widget=forms.Textarea(attrs={"rows": 6}),
                error_messages={
                    "required": f"Write what {field.label} should say.",
                    "max_length": f"Keep this under {TEXT_LIMIT} characters.",
                },
            )

    def after_text(self) -> str:
        value = self.cleaned_data["after"]
        return value.isoformat() if self.amendable.is_date else str(value)
