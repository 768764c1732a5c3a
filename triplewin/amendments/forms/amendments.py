"""Forms for raising an amendment and saying what it changes."""

from __future__ import annotations

from typing import Any

from django import forms

from triplewin.amendments.fields import TITLE_LIMIT, Amendable, Target, type_value
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


def _after_field(field: Amendable) -> forms.Field:
    """The input for what one part of the PID should say after the amendment."""
    if field.is_date:
        return DateField(label=field.label, required=False)
    if field.target is Target.TYPE:
        return forms.ChoiceField(
            label=field.label,
            required=False,
            choices=[("", "Not decided yet"), *field.choices],
            widget=forms.RadioSelect,
            help_text="Changing the type changes which rules apply to the project; the "
            "amendment's page says what it would mean before you submit it.",
            error_messages={"invalid_choice": "Choose collaborative working or joint working."},
        )
    if field.target is Target.TITLE:
        return forms.CharField(
            label=field.label,
            required=False,
            max_length=TITLE_LIMIT,
            help_text="The public register keeps the title the executive summary was certified "
            "with until a new executive summary is certified.",
            error_messages={"max_length": f"Keep the title under {TITLE_LIMIT} characters."},
        )
    return forms.CharField(
        label=field.label,
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": f"Keep this under {TEXT_LIMIT} characters."},
    )


class ChangesForm(VersionForm):
    """Every part of the PID an amendment can change, on one page, each as it will read."""

    def __init__(
        self,
        *args: Any,
        fields: list[Amendable],
        afters: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.amendables = fields
        afters = afters or {}
        for f in fields:
            name = f"after-{f.key}"
            self.fields[name] = _after_field(f)
            initial = afters.get(f.key, f.current)
            # A choice is offered by its stored value; the PID and the change show its label.
            self.initial[name] = (type_value(initial) or "") if f.choices else initial

    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        grouped: dict[str, list[forms.BoundField]] = {}
        for f in self.amendables:
            grouped.setdefault(f.section_title, []).append(self[f"after-{f.key}"])
        return list(grouped.items())

    def afters(self) -> dict[str, str]:
        """What each part sent should say; a part left out of the post is left alone."""
        found = {}
        for f in self.amendables:
            name = self.add_prefix(f"after-{f.key}")
            # A date posts as three boxes (name_day, name_month, name_year) or as one value.
            if name not in self.data and f"{name}_day" not in self.data:
                continue
            value = self.cleaned_data.get(f"after-{f.key}")
            found[f.key] = value.isoformat() if f.is_date and value else str(value or "")
        return found
