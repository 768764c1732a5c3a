"""Forms for editing a case study, its repeating groups, and importing files."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from triplewin.config.date_input import DateField
from triplewin.config.forms import GuardedForm, GuardedModelForm
from triplewin.core.library import records as rec
from triplewin.core.library import vocabulary as vocab
from triplewin.core.library.interchange import MAX_BYTES
from triplewin.library.models import CaseStudy
from triplewin.submissions.versions import RowVersionField

TEXT_LIMIT = 8000
NOT_STATED = "not_stated"


def _textareas(form: forms.BaseForm, rows: int = 4) -> None:
    for field in form.fields.values():
        if isinstance(field, forms.CharField) and isinstance(field.widget, forms.Textarea):
            field.widget.attrs["rows"] = rows
            if field.max_length is None:
                field.max_length = TEXT_LIMIT
            field.error_messages["max_length"] = f"Keep this under {field.max_length:,} characters."


class CaseStudyForm(GuardedModelForm[CaseStudy]):
    row_version = RowVersionField()
    therapy_areas = forms.MultipleChoiceField(
        label="Therapy area",
        choices=vocab.choices(vocab.THERAPY_AREAS),
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose every area the work covered.",
        error_messages={"required": "Choose at least one therapy area."},
    )
    interventions = forms.MultipleChoiceField(
        label="Intervention type",
        choices=vocab.choices(vocab.INTERVENTIONS),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="What the partners did, in broad terms. Choose all that apply.",
    )
    # The radios cannot offer an empty value, so "not stated" travels as its own code.
    working_type = forms.ChoiceField(
        label="Type of arrangement",
        choices=[(c, t) for c, t in vocab.WORKING_TYPES.items() if c]
        + [(NOT_STATED, "Not stated")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the type of arrangement, or not stated."},
    )
    region = forms.ChoiceField(
        label="NHS England region",
        choices=[("", "Outside England or not stated")]
        + [(c, t) for c, t in vocab.REGIONS.items() if c],
        required=False,
    )

    class Meta:
        model = CaseStudy
        fields = (
            "title",
            "summary",
            "working_type",
            "setting",
            "nation",
            "region",
            "icb",
            "condition",
            "inequalities_focus",
            "inequalities_how",
            "start_date",
            "end_date",
            "dates_approximate",
            "background",
            "objectives",
            "what_was_done",
            "outcomes_narrative",
            "what_happened_next",
            "what_happened_next_detail",
        )
        field_classes = {"start_date": DateField, "end_date": DateField}
        widgets = {
            "summary": forms.Textarea,
            "setting": forms.RadioSelect,
            "what_happened_next": forms.RadioSelect,
        }
        help_texts = {
            "summary": "Two or three sentences: who did what, and the headline result.",
            "icb": "For example, NHS Lancashire and South Cumbria Integrated Care Board.",
            "what_happened_next_detail": "Who funds the work now, where it has spread, or why it ended.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.instance.working_type:
            self.initial["working_type"] = NOT_STATED
        _textareas(self)
        self.fields["summary"].max_length = 2000  # type: ignore[attr-defined]
        self.fields["summary"].error_messages["max_length"] = (
            "Keep the summary under 2,000 characters."
        )
        self.fields["title"].error_messages["required"] = "Give the case study a title."
        self.fields["summary"].error_messages["required"] = "Write a short summary."
        self.fields["setting"].error_messages["required"] = "Choose the care setting."
        for name in ("start_date", "end_date"):
            self.fields[name].error_messages["invalid"] = "Enter a real date, like 30/09/2023."

    def clean_working_type(self) -> str:
        value: str = self.cleaned_data["working_type"]
        return "" if value == NOT_STATED else value

    def case_study_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class VersionForm(GuardedForm):
    row_version = RowVersionField()


class PartyForm(GuardedForm):
    name = forms.CharField(
        label="Organisation",
        max_length=255,
        help_text="If the organisation is in Triple Win, use its exact name and it will be linked.",
    )
    sector = forms.ChoiceField(
        label="Sector", choices=vocab.choices(vocab.SECTORS), widget=forms.RadioSelect
    )
    contribution = forms.CharField(
        label="Role and contribution",
        required=False,
        max_length=2000,
        widget=forms.Textarea,
        help_text="Money, staff time, skills, data, project management or equipment.",
    )

    def entry(self) -> rec.Party:
        d = self.cleaned_data
        return rec.Party(name=d["name"], sector=d["sector"], contribution=d["contribution"])


class OutcomeForm(GuardedForm):
    measure = forms.CharField(label="What was measured", max_length=200)
    unit = forms.CharField(
        label="Unit", max_length=40, required=False, help_text="For example %, patients, days."
    )
    before = forms.DecimalField(
        label="Before", required=False, max_digits=16, decimal_places=3, widget=forms.NumberInput
    )
    after = forms.DecimalField(
        label="After", required=False, max_digits=16, decimal_places=3, widget=forms.NumberInput
    )
    period = forms.CharField(
        label="Period",
        max_length=100,
        required=False,
        help_text="For example, Q3 2022/23 to Q4 2023/24.",
    )
    narrative = forms.CharField(
        label="In words", max_length=1000, required=False, widget=forms.Textarea
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("measure")
            and data.get("before") is None
            and data.get("after") is None
            and not data.get("narrative")
        ):
            self.add_error(
                "narrative", "Give a before or after figure, or describe the result in words."
            )
        return data

    def entry(self) -> rec.Outcome:
        d = self.cleaned_data
        return rec.Outcome(
            measure=d["measure"],
            unit=d["unit"],
            before=d["before"] if isinstance(d["before"], Decimal) else None,
            after=d["after"] if isinstance(d["after"], Decimal) else None,
            period=d["period"],
            narrative=d["narrative"],
        )


class LessonForm(GuardedForm):
    lesson = forms.CharField(label="Lesson", max_length=2000, widget=forms.Textarea)
    barrier = forms.ChoiceField(
        label="Barrier it relates to",
        choices=[("", "None: a general lesson")] + [(c, t) for c, t in vocab.BARRIERS.items() if c],
        required=False,
    )
    how_overcome = forms.CharField(
        label="How it was overcome", max_length=2000, required=False, widget=forms.Textarea
    )

    def entry(self) -> rec.Lesson:
        d = self.cleaned_data
        return rec.Lesson(lesson=d["lesson"], barrier=d["barrier"], how_overcome=d["how_overcome"])


class SourceForm(GuardedForm):
    url = forms.URLField(label="Web address", max_length=500, assume_scheme="https")
    title = forms.CharField(label="Title", max_length=300, required=False)

    def entry(self) -> rec.Source:
        return rec.Source(url=self.cleaned_data["url"], title=self.cleaned_data["title"])


class ImportForm(GuardedForm):
    file = forms.FileField(
        label="Case study file",
        help_text=f"A CSV or JSON file saved as UTF-8, up to {MAX_BYTES // (1024 * 1024)} MB.",
        error_messages={"required": "Choose a CSV or JSON file to import."},
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                f"The file must be {MAX_BYTES // (1024 * 1024)} MB or smaller."
            )
        return upload


class ContactForm(GuardedForm):
    contact_name = forms.CharField(label="Contact name", max_length=150, required=False)
    contact_role = forms.CharField(
        label="Their role and organisation",
        max_length=200,
        required=False,
        help_text="For example: Respiratory pharmacist, Hartlepool Health PCN.",
    )
    contact_email = forms.EmailField(
        label="Contact email",
        max_length=254,
        required=False,
        error_messages={"invalid": "Enter an email address like name@example.nhs.uk."},
    )
    shared_with_abpi_on = DateField(
        label="Date the outcomes summary was shared with the ABPI (optional)",
        required=False,
        error_messages={"invalid": "Enter a real date, like 30/09/2023."},
    )
    row_version = RowVersionField()
