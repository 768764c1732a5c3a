"""Forms for the reporting schedule and for recording a progress report."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from triplewin.config.date_input import DateField
from triplewin.config.filters import govuk_date
from triplewin.config.forms import GuardedForm
from triplewin.obligations.models import Frequency

NO_SCHEDULE = ""


class ReportingForm(GuardedForm):
    every_months = forms.TypedChoiceField(
        label="How often does the project team report progress to every party?",
        help_text="As agreed in the PID. Reports fall due counting from the start of delivery.",
        choices=[(NO_SCHEDULE, "No regular reports agreed"), *Frequency.choices],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


class ProgressReportForm(GuardedForm):
    due_on = forms.TypedChoiceField(
        label="Which report is this?",
        coerce=dt.date.fromisoformat,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose which report this is."},
    )
    submitted_on = DateField(
        label="Date it was shared with every party",
        error_messages={
            "required": "Enter the date the report was shared.",
            "invalid": "Enter a real date, for example 31 March 2026.",
        },
    )
    summary = forms.CharField(
        label="What the report said",
        help_text="Progress against milestones and KPIs, risks and issues, and decisions needed.",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Summarise what the report said."},
    )

    def __init__(self, *args: Any, open_dates: list[dt.date], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["due_on"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [(d.isoformat(), f"Due {govuk_date(d)}") for d in open_dates]
