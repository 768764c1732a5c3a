"""Forms for milestones, the risk log and the issue log; each carries the row's version."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.db import models

from triplewin.config.date_input import DateField
from triplewin.config.forms import GuardedForm
from triplewin.core import risk_matrix
from triplewin.delivery.models import TEXT_LIMIT, IssueStatus, RiskStatus
from triplewin.submissions.versions import RowVersionField

DATE_ERRORS = {"invalid": "Enter a real date, like 2027-03-14."}


def _text(
    label: str,
    *,
    required: bool = True,
    help_text: str = "",
    error_messages: dict[str, str] | None = None,
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=help_text,
        error_messages={
            "max_length": f"Keep this under {TEXT_LIMIT} characters.",
            **(error_messages or {}),
        },
    )


def _owner() -> forms.CharField:
    return forms.CharField(
        max_length=200,
        help_text="A named person or a role, such as 'Project manager'.",
        error_messages={"required": "Say who owns it.", "max_length": "Keep this short."},
    )


class LogForm(GuardedForm):
    """A row of a log; `for_row` fills it from a saved row, `values` hands back the fields."""

    FIELDS: ClassVar[tuple[str, ...]] = ()
    row_version = RowVersionField()

    @classmethod
    def for_row(cls, row: models.Model | None, data: Any = None) -> LogForm:
        if row is None:
            return cls(data=data)
        initial = {name: getattr(row, name) for name in cls.FIELDS}
        initial["row_version"] = getattr(row, "row_version", None)
        return cls(data=data, initial=initial)

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.FIELDS}

    def version(self) -> int:
        version: int = self.cleaned_data["row_version"]
        return version


class MilestoneForm(LogForm):
    FIELDS = ("title", "planned_on", "actual_on", "owner", "notes")
    title = forms.CharField(
        max_length=200,
        error_messages={"required": "Name the milestone.", "max_length": "Keep the title short."},
    )
    planned_on = DateField(
        label="Planned date",
        error_messages={"required": "Enter the planned date.", **DATE_ERRORS},
    )
    actual_on = DateField(
        label="Date achieved",
        required=False,
        help_text="Leave empty until the milestone is met.",
        error_messages=DATE_ERRORS,
    )
    owner = _owner()
    notes = _text("Notes", required=False)


def _grid_choices(labels: dict[int, str]) -> list[tuple[int, str]]:
    return [(n, f"{n}: {label}") for n, label in sorted(labels.items())]


class RiskForm(LogForm):
    FIELDS = ("description", "likelihood", "impact", "owner", "mitigation", "status")
    description = _text(
        "Risk",
        help_text="What might happen, and what it would affect.",
        error_messages={"required": "Describe the risk."},
    )
    likelihood = forms.TypedChoiceField(
        coerce=int,
        choices=_grid_choices(risk_matrix.LIKELIHOOD_LABELS),
        widget=forms.RadioSelect,
        help_text="How likely it is to happen, from 1 (rare) to 5 (almost certain).",
        error_messages={"required": "Choose how likely the risk is."},
    )
    impact = forms.TypedChoiceField(
        coerce=int,
        choices=_grid_choices(risk_matrix.IMPACT_LABELS),
        widget=forms.RadioSelect,
        help_text="How bad it would be, from 1 (negligible) to 5 (catastrophic).",
        error_messages={"required": "Choose how serious the impact would be."},
    )
    owner = _owner()
    mitigation = _text("Mitigation", required=False, help_text="What is being done to reduce it.")
    status = forms.ChoiceField(
        choices=RiskStatus.choices,
        initial=RiskStatus.OPEN,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the status."},
    )


class IssueForm(LogForm):
    FIELDS = ("description", "raised_by", "raised_on", "owner", "resolution", "status")
    description = _text(
        "Issue",
        help_text="What has happened, and what it affects.",
        error_messages={"required": "Describe the issue."},
    )
    raised_by = forms.CharField(
        max_length=200,
        error_messages={"required": "Say who raised it.", "max_length": "Keep this short."},
    )
    raised_on = DateField(
        label="Date raised",
        error_messages={"required": "Enter the date it was raised.", **DATE_ERRORS},
    )
    owner = _owner()
    resolution = _text("Resolution", required=False, help_text="What was done, or is planned.")
    status = forms.ChoiceField(
        choices=IssueStatus.choices,
        initial=IssueStatus.OPEN,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the status."},
    )
