"""Forms for declaring an interest and for recording that one has ended."""

from __future__ import annotations

from django import forms

from triplewin.config.forms import GuardedForm, RangedDateField
from triplewin.conflicts.models import Category, InterestType
from triplewin.core.input_guard import PERSONAL_DATES
from triplewin.organisations.models import Organisation

DATE = forms.DateInput(attrs={"type": "date"})


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
        help_text="Enough detail for someone else to judge it: what, from whom, and its value "
        "if it has one.",
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
        widget=DATE,
        error_messages={
            "required": "Enter the date the interest started.",
            "invalid": "Enter a real date, like 2026-04-01.",
        },
    )
    valid_to = forms.DateField(
        label="Date the interest ended (leave empty if it continues)",
        required=False,
        widget=DATE,
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
    valid_to = forms.DateField(
        label="Date the interest ended",
        widget=DATE,
        error_messages={
            "required": "Enter the date the interest ended.",
            "invalid": "Enter a real date, like 2026-09-30.",
        },
    )
