"""Forms for project details, partners and lifecycle steps."""

from __future__ import annotations

from typing import Any

from django import forms

from triplewin.config.date_input import DateField
from triplewin.config.forms import GuardedForm
from triplewin.config.picker import GroupedCheckboxes
from triplewin.core.lifecycle import PUBLIC_STATES
from triplewin.organisations.models import PICKER_GROUPS, Organisation, picker_group
from triplewin.partnerships.models import PartyRole, Project, Setting, WorkingType
from triplewin.submissions.versions import RowVersionField

CERTIFIED_HINT = (
    "On the public register as certified in the executive summary: a change needs an amendment."
)


class ProjectDetailsForm(GuardedForm):
    title = forms.CharField(
        max_length=200, error_messages={"required": "Enter a title for the project."}
    )
    summary = forms.CharField(
        label="Idea in brief",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text="What you want to change, and for whom.",
        error_messages={"required": "Describe the idea in a sentence or two."},
    )
    origin_setting = forms.ChoiceField(
        label="Where did the idea come from?",
        choices=Setting.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose where the idea came from."},
    )
    therapy_area = forms.CharField(
        max_length=120,
        help_text="For example respiratory, cancer, cardio-renal-metabolic.",
        error_messages={"required": "Enter the therapy area."},
    )
    intended_type = forms.ChoiceField(
        label="Proposed type of partnership",
        choices=[("", "Not decided yet"), *WorkingType.choices],
        required=False,
        widget=forms.RadioSelect,
        help_text="The classification checklist will confirm whether the project qualifies.",
    )
    involves_medicines = forms.BooleanField(
        label="The project touches a medicine or therapy", required=False
    )
    products_concerned = forms.CharField(
        label="Medicines or products concerned (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
        help_text="One per line, with brand and generic names, for example 'Jardiance "
        "(empagliflozin)'. Anyone whose declared interests name one of them is asked to step "
        "aside from the project's decisions, or have the conflict managed.",
    )
    proposed_by = forms.CharField(
        max_length=200,
        help_text="Name and role of whoever first proposed it.",
        error_messages={"required": "Say who proposed the idea."},
    )
    planned_start = DateField(
        required=False,
        error_messages={"invalid": "Enter a real date, like 2027-04-01."},
    )
    planned_end = DateField(
        required=False,
        error_messages={"invalid": "Enter a real date, like 2028-03-31."},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("planned_start"), data.get("planned_end")
        if start and end and end < start:
            self.add_error("planned_end", "The planned end must be on or after the planned start.")
        return data


class ProjectCreateForm(ProjectDetailsForm):
    lead_organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label="Your organisation",
        empty_label=None,
        error_messages={"required": "Choose your organisation."},
    )
    partner_organisations = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.all(),
        required=False,
        label="Other partner organisations",
        help_text="You can add or remove partners while the project is being scoped.",
        widget=GroupedCheckboxes(
            group_of=picker_group,
            order=PICKER_GROUPS,
            search_label="Find an organisation by name",
        ),
    )

    def __init__(self, *args: Any, lead_choices: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["lead_organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organisation.objects.filter(pk__in=[o.pk for o in lead_choices])


class ProjectEditForm(ProjectDetailsForm):
    actual_start = DateField(required=False, error_messages={"invalid": "Enter a real date."})
    actual_end = DateField(required=False, error_messages={"invalid": "Enter a real date."})
    row_version = RowVersionField()

    @classmethod
    def for_project(cls, project: Project, data: Any = None) -> ProjectEditForm:
        initial = {
            name: getattr(project, name) for name in cls.base_fields if hasattr(project, name)
        }
        form = cls(data=data, initial=initial)
        if project.state_enum in PUBLIC_STATES:
            # The service refuses a change (partnerships.services.CERTIFIED_ONCE_PUBLIC); say so
            # before anyone tries.
            for name in ("title", "intended_type"):
                form.fields[name].help_text = CERTIFIED_HINT
        return form


class PartnerAddForm(GuardedForm):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.all(),
        empty_label="Choose an organisation",
        error_messages={"required": "Choose an organisation to add."},
    )
    party_role = forms.ChoiceField(
        label="Their role in the partnership",
        choices=PartyRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the partner's role."},
    )

    def __init__(self, *args: Any, exclude: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organisation.objects.exclude(pk__in=exclude)


class TransitionForm(GuardedForm):
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
        help_text="Kept in the project's history.",
    )
    expected_state = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, risk_ids: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for rule_id in risk_ids:
            self.fields[f"risk_{rule_id}"] = forms.CharField(
                label="Why is it acceptable to go ahead with this risk?",
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                max_length=2000,
            )

    def risk_reasons(self) -> dict[str, str]:
        return {
            name.removeprefix("risk_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("risk_") and value
        }
