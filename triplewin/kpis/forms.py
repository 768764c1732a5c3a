"""Forms for defining KPIs, recording measurements, choosing a chart's baseline and criteria."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.db.models import QuerySet

from triplewin.config.date_input import DateField
from triplewin.config.forms import GuardedForm, GuardedModelForm
from triplewin.core.kpi_files import MAX_BYTES, MAX_NOTE
from triplewin.kpis.models import Comparison, Kpi, Site
from triplewin.kpis.services import KPI_FIELDS
from triplewin.submissions.versions import RowVersionField

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"]
DATE_INVALID = "Enter a real date, for example 31/03/2027."
NUMBER_MESSAGES = {
    "invalid": "Enter a number, like 42 or 87.5.",
    "max_decimal_places": "Use no more than 4 decimal places.",
    "max_digits": "This number is too large.",
    "max_whole_digits": "This number is too large.",
}


def _date(label: str, *, required: bool = True, help_text: str = "") -> DateField:
    return DateField(
        label=label,
        required=required,
        help_text=help_text,
        input_formats=DATE_FORMATS,
        error_messages={"required": f"Enter the {label.lower()}.", "invalid": DATE_INVALID},
    )


def _number(label: str, *, required: bool = True, help_text: str = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        help_text=help_text,
        max_digits=14,
        decimal_places=4,
        widget=forms.TextInput,
        error_messages={"required": f"Enter the {label.lower()}.", **NUMBER_MESSAGES},
    )


class OwnerField(forms.ModelChoiceField[User]):
    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.get_username()


class KpiForm(GuardedModelForm[Kpi]):
    baseline_value = _number(
        "Baseline value", required=False, help_text="The value before the project started."
    )
    baseline_date = _date("Baseline date", required=False, help_text="When it was measured.")
    target_value = _number("Target value")
    target_date = _date("Target date", help_text="When the target should be reached.")
    row_version = RowVersionField()

    class Meta:
        model = Kpi
        fields = KPI_FIELDS
        field_classes = {"owner": OwnerField}
        widgets = {
            "category": forms.RadioSelect,
            "frequency": forms.RadioSelect,
            "direction": forms.RadioSelect,
            "rollup": forms.RadioSelect,
            "definition": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "name": {"required": "Enter the KPI's name."},
            "category": {"required": "Choose a category."},
            "definition": {"required": "Say exactly what is measured."},
            "unit": {"required": "Enter the unit, such as % or people."},
            "data_source": {"required": "Say where the numbers come from."},
            "frequency": {"required": "Choose how often it is measured."},
            "direction": {"required": "Say whether higher or lower is better."},
        }

    def __init__(
        self, *args: Any, owners: QuerySet[User], company_side: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.company_side = company_side
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = owners
        owner.help_text = "The person who makes sure the figures are collected and checked."
        owner.empty_label = "Nobody yet"

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean()
        if self.company_side and not self.cleaned_data.get("company_may_see"):
            # Otherwise they would define a KPI that they themselves could not see.
            self.add_error(
                "company_may_see",
                "You work for a company partner, so the KPIs you define must be shared with "
                "the company partners.",
            )
        return cleaned

    def kpi_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in KPI_FIELDS}


class MeasurementForm(GuardedForm):
    period = _date(
        "Period", help_text="Any date in the period. It is stored as the period's first day."
    )
    site = forms.ModelChoiceField(
        queryset=Site.objects.none(),
        required=False,
        empty_label="Whole project",
        help_text="Leave as whole project unless this value is for one site.",
    )
    value = _number("Value")
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    replace = forms.BooleanField(label="Replace the value already recorded", required=False)

    def __init__(self, *args: Any, sites: QuerySet[Site], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        site = self.fields["site"]
        assert isinstance(site, forms.ModelChoiceField)
        site.queryset = sites


class UploadForm(GuardedForm):
    file = forms.FileField(
        label="Measurements file (CSV or Excel)",
        help_text=f"Columns period, site, value and note, as in the template. Up to "
        f"{MAX_BYTES // (1024 * 1024)} MB.",
        error_messages={
            "required": "Choose a file to upload.",
            "empty": "The file is empty.",
            "invalid": "Choose a file to upload.",
        },
    )
    replace = forms.BooleanField(label="Replace values already recorded", required=False)


class ChartOptionsForm(GuardedForm):
    """Read from the query string: which series to chart and where its limits come from."""

    site = forms.ChoiceField(label="Show", required=False)
    baseline_points = forms.IntegerField(
        label="Calculate the limits from the first points (how many)",
        required=False,
        min_value=2,
        max_value=10_000,
        widget=forms.TextInput,
        error_messages={
            "invalid": "Enter a whole number of points, like 12.",
            "min_value": "Use at least 2 points.",
            "max_value": "That is more points than a chart can hold.",
        },
    )
    baseline_from = _date("Or from the period starting", required=False)
    baseline_to = _date("To the period ending", required=False)
    step_from = _date(
        "Recalculate the limits from",
        required=False,
        help_text="For a lasting change in the process, such as a new pathway going live.",
    )

    def __init__(self, *args: Any, sites: list[Site], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        site = self.fields["site"]
        assert isinstance(site, forms.ChoiceField)
        site.choices = [("", "Whole project"), *((str(s.pk), s.name) for s in sites)]
        if not sites:
            del self.fields["site"]

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean()
        start, end = self.cleaned_data.get("baseline_from"), self.cleaned_data.get("baseline_to")
        if self.cleaned_data.get("baseline_points") and (start or end):
            self.add_error(
                "baseline_points", "Choose either a number of points or dates, not both."
            )
        if start and end and end < start:
            self.add_error("baseline_to", "The end of the baseline must be after its start.")
        return cleaned


class SiteForm(GuardedModelForm[Site]):
    class Meta:
        model = Site
        fields = ("name", "code")
        labels = {"name": "Site name", "code": "Code (optional)"}
        error_messages = {"name": {"required": "Enter the site's name."}}


class CriterionForm(GuardedForm):
    name = forms.CharField(
        label="Name of the criterion",
        max_length=200,
        help_text="For example: micro-elimination of hepatitis C.",
        error_messages={"required": "Enter a name for the criterion."},
    )
    description = forms.CharField(
        label="What it means (optional)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ConditionForm(GuardedForm):
    kpi = forms.ModelChoiceField(
        label="KPI",
        queryset=Kpi.objects.none(),
        error_messages={"required": "Choose a KPI.", "invalid_choice": "Choose a KPI."},
    )
    comparison = forms.ChoiceField(
        label="Must be",
        choices=Comparison.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the value is compared."},
    )
    threshold = _number("Threshold")

    def __init__(self, *args: Any, kpis: QuerySet[Kpi], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kpi = self.fields["kpi"]
        assert isinstance(kpi, forms.ModelChoiceField)
        kpi.queryset = kpis
