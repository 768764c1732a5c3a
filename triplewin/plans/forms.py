"""One form per plan, built from the plan definitions; the services decide what is allowed."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms

from triplewin.config.forms import GuardedForm, GuardedModelForm
from triplewin.plans.models import (
    CommunicationItem,
    DataItem,
    DigitalTool,
    EvaluationEntry,
    PatientEngagementActivity,
    PlanEntry,
    RaciEntry,
    StakeholderEntry,
    SustainabilityEntry,
)
from triplewin.plans.registry import PLANS_BY_SLUG, PlanSpec
from triplewin.submissions.versions import RowVersionField

TEXT_LIMIT = 4000


class PlanEntryForm(GuardedModelForm[PlanEntry]):
    """Required messages come from the plan's definition, so form and service say the same."""

    slug: ClassVar[str]
    # Groups of tick boxes stored as separate yes/no columns: field -> {column: label}.
    flag_groups: ClassVar[dict[str, dict[str, str]]] = {}
    row_version = RowVersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, message in self.spec.required.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message
        for group, columns in self.flag_groups.items():
            if self.instance.pk:
                self.initial.setdefault(group, [c for c in columns if getattr(self.instance, c)])
        if self.instance.pk:
            self.initial.setdefault("row_version", self.instance.row_version)

    @property
    def spec(self) -> PlanSpec:
        return PLANS_BY_SLUG[self.slug]

    def entry_fields(self) -> dict[str, Any]:
        data = {name: self.cleaned_data[name] for name in self.spec.fields if name in self.fields}
        for group, columns in self.flag_groups.items():
            ticked = set(self.cleaned_data.get(group) or [])
            data.update({column: column in ticked for column in columns})
        return data


def _flags(label: str, columns: dict[str, str], hint: str = "") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        help_text=hint,
        choices=list(columns.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": "Choose only from the options listed."},
    )


STAKEHOLDER_FLAGS = {
    "impacted": "Impacted by the project",
    "can_help_or_block": "Able to help or block it",
    "to_involve": "To be involved",
    "to_keep_informed": "To be kept informed",
}
DATA_FLAGS = {
    "shared_with_company": "A company partner sees this data",
    "anonymised": "Anonymised (nobody can be identified from it)",
    "aggregated": "Aggregated (only totals or averages, no individual records)",
}


class StakeholderForm(PlanEntryForm):
    slug = "stakeholders"
    flag_groups = {"flags": STAKEHOLDER_FLAGS}
    flags = _flags(
        "How this stakeholder relates to the project", STAKEHOLDER_FLAGS, "Tick all that apply."
    )

    class Meta:
        model = StakeholderEntry
        fields = ("name", "scope", "notes")
        widgets = {"scope": forms.RadioSelect, "notes": forms.Textarea(attrs={"rows": 3})}


class CommunicationForm(PlanEntryForm):
    slug = "communications"

    class Meta:
        model = CommunicationItem
        fields = ("audience", "message", "channel", "timing", "owner")
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}


class DataForm(PlanEntryForm):
    slug = "data"
    flag_groups = {"handling": DATA_FLAGS}
    handling = _flags(
        "Who sees it and how it is protected",
        DATA_FLAGS,
        "Anything a company partner sees must be both anonymised and aggregated.",
    )

    class Meta:
        model = DataItem
        fields = (
            "what",
            "source",
            "collected_by",
            "frequency",
            "controller",
            "sharing_basis",
            "sharing_reference",
            "dpia",
        )
        widgets = {"sharing_basis": forms.RadioSelect, "dpia": forms.RadioSelect}
        help_texts = {
            "sharing_basis": "Data passed from one organisation to another needs a data "
            "sharing agreement or a memorandum of understanding. You can add this later, but "
            "the PID cannot be approved without it.",
            "dpia": "Ask the data controller's information governance team. A DPIA that is "
            "not signed off is a risk the approvers must accept.",
        }


class EngagementForm(PlanEntryForm):
    slug = "patient-engagement"

    class Meta:
        model = PatientEngagementActivity
        fields = ("kind", "description", "timing")
        widgets = {"kind": forms.RadioSelect, "description": forms.Textarea(attrs={"rows": 3})}


class RaciForm(PlanEntryForm):
    slug = "raci"

    class Meta:
        model = RaciEntry
        fields = ("activity", "responsible", "accountable", "consulted", "informed")
        help_texts = {
            "consulted": "People asked for their view before a decision (optional).",
            "informed": "People told once a decision is made (optional).",
        }


class DigitalToolForm(PlanEntryForm):
    slug = "digital-tools"

    class Meta:
        model = DigitalTool
        fields = (
            "name",
            "supplier",
            "use",
            "safety_officer",
            "dcb0160_record",
            "dcb0160_approved",
        )
        widgets = {"use": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "dcb0160_record": "The supplier may help, but the NHS organisation that deploys the "
            "tool completes its own record.",
        }


class EvaluationForm(PlanEntryForm):
    slug = "evaluation"

    class Meta:
        model = EvaluationEntry
        fields = ("evaluator", "independence", "methods", "reporting")
        widgets = {"independence": forms.RadioSelect, "methods": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "methods": "For example: before-and-after comparison of the monthly counts, with "
            "interviews of patients and staff.",
            "reporting": "For example: an interim report at six months and a final report.",
        }


class SustainabilityForm(PlanEntryForm):
    slug = "sustainability"

    class Meta:
        model = SustainabilityEntry
        fields = ("service", "commissioner", "evidence_needed", "handover")
        widgets = {
            "evidence_needed": forms.Textarea(attrs={"rows": 3}),
            "handover": forms.Textarea(attrs={"rows": 3}),
        }


FORMS: dict[str, type[PlanEntryForm]] = {
    f.slug: f
    for f in (
        StakeholderForm,
        CommunicationForm,
        DataForm,
        EngagementForm,
        RaciForm,
        DigitalToolForm,
        EvaluationForm,
        SustainabilityForm,
    )
}


class RemoveForm(GuardedForm):
    """No fields: it carries the reason a removal was refused to the top of the page."""
