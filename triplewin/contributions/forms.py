"""The form for one contribution; the services decide what is allowed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from triplewin.config.forms import GuardedForm
from triplewin.contributions.models import Contribution, Kind
from triplewin.organisations.models import Organisation
from triplewin.submissions.versions import RowVersionField

TEXT_LIMIT = 4000


class ContributionForm(GuardedForm):
    organisation = forms.TypedChoiceField(
        label="Which partner brings this",
        coerce=int,
        error_messages={
            "required": "Choose the partner organisation that brings this.",
            "invalid_choice": "Choose one of the project's partners.",
        },
    )
    kind = forms.ChoiceField(
        label="What kind of contribution is it",
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what kind of contribution this is.",
            "invalid_choice": "Choose one of the kinds listed.",
        },
    )
    description = forms.CharField(
        label="Describe it",
        help_text="For example: two days a week of a practice pharmacist's time for a year.",
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Describe what is being contributed."},
    )
    role = forms.CharField(
        label="Role (for staff time)",
        help_text="The job that gives the time, for example 'Specialist nurse'.",
        max_length=150,
        required=False,
    )
    hours = forms.DecimalField(
        label="Hours (for staff time)",
        help_text="Total hours over the project.",
        required=False,
        min_value=Decimal(0),
        max_digits=8,
        decimal_places=1,
        widget=forms.NumberInput,
        error_messages={
            "invalid": "Enter hours as a number, like 150 or 37.5.",
            "min_value": "Hours cannot be negative.",
            "max_digits": "Enter fewer than 10 million hours.",
            "max_decimal_places": "Enter hours to one decimal place at most, like 37.5.",
        },
    )
    value = forms.DecimalField(
        label="Estimated value in pounds (optional)",
        help_text="Leave empty if it has not been valued. NHS contributions are often not money.",
        required=False,
        min_value=Decimal(0),
        max_digits=12,
        decimal_places=0,
        widget=forms.NumberInput,
        error_messages={
            "invalid": "Enter a whole number of pounds, like 25000.",
            "min_value": "The value cannot be negative.",
            "max_digits": "Enter a value below £1,000,000,000,000.",
            "max_decimal_places": "Enter a whole number of pounds, without pence.",
        },
    )
    is_funded_post = forms.BooleanField(
        label="This is an NHS post paid for by a company partner",
        required=False,
    )
    under_nhs_control = forms.BooleanField(
        label="The post stays under NHS control",
        help_text="The NHS partner appoints the post holder and directs their work.",
        required=False,
    )
    exit_strategy = forms.CharField(
        label="Exit strategy for the post",
        help_text="What happens to the post and its work when company funding ends. You can add "
        "this later, but the PID cannot be approved without it.",
        max_length=TEXT_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    beyond_normal_roles = forms.CharField(
        label="What the post adds beyond normal day-to-day roles",
        help_text="Contributions must go beyond what staff would do anyway: for example a new "
        "clinic or extra sessions, not cover for an existing vacancy.",
        max_length=TEXT_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    retention_precautions = forms.CharField(
        label="Precautions against using company funding to retain staff",
        help_text="How the partners make sure the money does not keep on staff the NHS would "
        "otherwise lose, for example a fixed-term post recruited openly for the project.",
        max_length=TEXT_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    employment_law_confirmed = forms.BooleanField(
        label="The employing NHS organisation confirms the post complies with employment law",
        help_text="Its contract, terms and what happens when funding ends.",
        required=False,
    )
    row_version = RowVersionField()

    def __init__(self, *args: Any, partners: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.partners = {o.pk: o for o in partners}
        org_field = self.fields["organisation"]
        assert isinstance(org_field, forms.TypedChoiceField)
        org_field.choices = [("", "Choose a partner"), *((o.pk, o.name) for o in partners)]

    @classmethod
    def initial_for(cls, c: Contribution) -> dict[str, Any]:
        return {
            "organisation": c.organisation_id,
            "kind": c.kind,
            "description": c.description,
            "role": c.role,
            "hours": c.hours,
            "value": c.value,
            "is_funded_post": c.is_funded_post,
            "under_nhs_control": c.under_nhs_control,
            "exit_strategy": c.exit_strategy,
            "beyond_normal_roles": c.beyond_normal_roles,
            "retention_precautions": c.retention_precautions,
            "employment_law_confirmed": c.employment_law_confirmed,
            "row_version": c.row_version,
        }

    def contribution_fields(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if k != "row_version"}
        data["organisation"] = self.partners[data["organisation"]]
        return data


class RemoveForm(GuardedForm):
    """No fields: it carries the reason a removal was refused to the top of the page."""
