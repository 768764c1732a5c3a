"""The Project Concept Framework form and the decision form."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from triplewin.concept.models import ConceptFramework, Decision
from triplewin.config.forms import GuardedForm, GuardedModelForm
from triplewin.partnerships.models import ProjectPartner
from triplewin.submissions.versions import RowVersionField

TEXT_LIMIT = 8000


class ConceptForm(GuardedModelForm[ConceptFramework]):
    row_version = RowVersionField()

    class Meta:
        model = ConceptFramework
        fields = (
            "purpose_background",
            "objectives",
            "benefit_patients",
            "benefit_nhs",
            "benefit_industry",
            "expected_prescribing_effect",
            "key_stakeholders",
            "start_year",
            "start_quarter",
            "duration_months",
        )
        widgets = {
            "start_quarter": forms.RadioSelect,
            "start_year": forms.NumberInput,
            "duration_months": forms.NumberInput,
        }

    def __init__(self, *args: Any, partners: list[ProjectPartner], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.partners = partners
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField) and isinstance(field.widget, forms.Textarea):
                field.max_length = TEXT_LIMIT
                field.widget.attrs["rows"] = 4
                field.error_messages["max_length"] = f"Keep this under {TEXT_LIMIT} characters."
            if name == "duration_months":
                field.error_messages["invalid"] = (
                    "Enter the length as a whole number of months, like 18."
                )
            if name == "start_year":
                field.error_messages["invalid"] = "Enter a year, like 2027."
        quarter = self.fields["start_quarter"]
        assert isinstance(quarter, forms.TypedChoiceField)
        quarter.choices = [(q, f"Quarter {q}") for q in (1, 2, 3, 4)]
        existing = (
            {c.organisation_id: c for c in self.instance.contributions.all()}
            if self.instance.pk
            else {}
        )
        for partner in partners:
            found = existing.get(partner.organisation_id)
            self.fields[f"contribution_{partner.organisation_id}"] = forms.CharField(
                label=f"What {partner.organisation.name} will contribute",
                help_text="Money, staff time, skills, data, project management or equipment.",
                required=False,
                max_length=TEXT_LIMIT,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=found.description if found else "",
            )
            self.fields[f"value_{partner.organisation_id}"] = forms.DecimalField(
                label=f"Estimated value of {partner.organisation.name}'s contribution (£, optional)",
                required=False,
                min_value=Decimal(0),
                max_digits=12,
                decimal_places=0,
                widget=forms.NumberInput,
                initial=found.estimated_value if found else None,
                error_messages={"invalid": "Enter a whole number of pounds, like 25000."},
            )
        duration = self.fields["duration_months"]
        assert isinstance(duration, forms.IntegerField)
        duration.min_value, duration.max_value = 1, 120

    def clean_duration_months(self) -> int | None:
        value: int | None = self.cleaned_data.get("duration_months")
        if value is not None and not 1 <= value <= 120:
            raise forms.ValidationError("Enter a length between 1 and 120 months.")
        return value

    def contribution_pairs(self) -> list[tuple[ProjectPartner, forms.BoundField, forms.BoundField]]:
        return [
            (p, self[f"contribution_{p.organisation_id}"], self[f"value_{p.organisation_id}"])
            for p in self.partners
        ]

    def concept_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}

    def contributions(self) -> dict[int, tuple[str, Decimal | None]]:
        return {
            p.organisation_id: (
                self.cleaned_data.get(f"contribution_{p.organisation_id}", ""),
                self.cleaned_data.get(f"value_{p.organisation_id}"),
            )
            for p in self.partners
        }


class DecisionForm(GuardedForm):
    organisation = forms.TypedChoiceField(
        label="Deciding on behalf of",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the organisation you are deciding for."},
    )
    decision = forms.ChoiceField(
        choices=Decision.choices,
        widget=forms.RadioSelect,
        label="Your decision",
        error_messages={"required": "Choose approve or reject."},
    )
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
        label="Reason or comments",
        help_text="Required if you reject the concept.",
    )
    content_hash = forms.CharField(widget=forms.HiddenInput)

    def __init__(
        self, *args: Any, organisations: list[tuple[int, str]], risk_ids: list[str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        org_field = self.fields["organisation"]
        assert isinstance(org_field, forms.TypedChoiceField)
        org_field.choices = organisations
        if len(organisations) == 1:
            self.initial.setdefault("organisation", organisations[0][0])
        for rule_id in risk_ids:
            self.fields[f"risk_{rule_id}"] = forms.CharField(
                label="Why is it acceptable to approve with this risk?",
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                max_length=2000,
            )

    def risk_reasons(self) -> dict[str, str]:
        return {
            k.removeprefix("risk_"): v
            for k, v in self.cleaned_data.items()
            if k.startswith("risk_") and v
        }
