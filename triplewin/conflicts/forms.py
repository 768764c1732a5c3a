"""Forms for declaring an interest, recording that one has ended, and managing a conflict."""

from __future__ import annotations

from typing import Any

from django import forms

from triplewin.config.date_input import DateField
from triplewin.config.forms import GuardedForm, RangedDateField
from triplewin.conflicts.models import Arrangement, Category, DecisionKind, InterestType, RoundScope
from triplewin.core.input_guard import PERSONAL_DATES
from triplewin.organisations.models import Organisation


class DeclarationForm(GuardedForm):
    category = forms.ChoiceField(
        label="What kind of interest is it?",
        choices=Category.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what kind of interest it is."},
    )
    interest_type = forms.ChoiceField(
        label="Type of interest",
        choices=[("", "Choose a type"), *InterestType.choices],
        error_messages={"required": "Choose the type of interest."},
    )
    description = forms.CharField(
        label="Describe the interest",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text="Enough detail for someone else to judge it: what, from whom, its value if "
        "it has one, and any medicine or product it concerns.",
        error_messages={"required": "Describe the interest."},
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.all(),
        required=False,
        label="Organisation the interest relates to",
        empty_label="Not in the list",
        error_messages={"invalid_choice": "Choose an organisation from the list."},
    )
    organisation_name = forms.CharField(
        label="Organisation name, if it is not in the list",
        required=False,
        max_length=255,
    )
    valid_from = RangedDateField(
        label="Date the interest started",
        plausible_dates=PERSONAL_DATES,
        error_messages={
            "required": "Enter the date the interest started.",
            "invalid": "Enter a real date, like 2026-04-01.",
        },
    )
    valid_to = DateField(
        label="Date the interest ended (leave empty if it continues)",
        required=False,
        error_messages={"invalid": "Enter a real date, like 2026-09-30."},
    )
    action_taken = forms.CharField(
        label="Action taken to manage the interest (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
        help_text="For example: will not vote on decisions about this company.",
    )


class EndDeclarationForm(GuardedForm):
    valid_to = DateField(
        label="Date the interest ended",
        error_messages={
            "required": "Enter the date the interest ended.",
            "invalid": "Enter a real date, like 2026-09-30.",
        },
    )


class ManagementForm(GuardedForm):
    declaration = forms.TypedChoiceField(
        label="Which declared interest?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the declared interest whose conflict you are managing.",
            "invalid_choice": "Choose one of the interests listed.",
        },
    )
    decision = forms.ChoiceField(
        label="Which decisions does this arrangement cover?",
        choices=[("", "Choose a kind of decision"), *DecisionKind.choices],
        error_messages={
            "required": "Choose the decisions the arrangement covers.",
            "invalid_choice": "Choose one of the kinds of decision listed.",
        },
    )
    arrangement = forms.ChoiceField(
        label="How is the conflict managed?",
        choices=Arrangement.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the conflict is managed."},
    )
    reason = forms.CharField(
        label="Why is this the right arrangement?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text="For example: the shares are held in a blind trust and are worth less than "
        "£1,000. The reason is shown in the minutes and the project's history.",
        error_messages={"required": "Give the reason for this arrangement."},
    )

    def __init__(self, *args: Any, declarations: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["declaration"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = declarations


class RoundOpenForm(GuardedForm):
    scope = forms.ChoiceField(
        label="Who is asked to declare?",
        choices=RoundScope.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who is asked to declare."},
    )
    due_on = DateField(
        label="Due date",
        help_text="At least two weeks from today, and within three months.",
        error_messages={"required": "Enter the date declarations are due."},
    )


class WithholdForm(GuardedForm):
    person = forms.TypedChoiceField(
        label="Whose entries are withheld from the public register?",
        coerce=int,
        error_messages={"required": "Choose a person.", "invalid_choice": "Choose a person."},
    )
    reason = forms.CharField(
        label="Why",
        help_text="For example: the person asked, because publishing could put them at risk.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why the entry is withheld, for the record."},
    )

    def __init__(self, *args: Any, people: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", "Choose a person"), *people]  # type: ignore[attr-defined]
