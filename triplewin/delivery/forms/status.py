"""Forms for the RAG override, completion and termination."""

from __future__ import annotations

from typing import Any

from django import forms

from triplewin.config.date_input import DateField
from triplewin.config.forms import GuardedForm
from triplewin.delivery.exit_plan import PlannedStep
from triplewin.delivery.forms.logs import DATE_ERRORS
from triplewin.delivery.models import TEXT_LIMIT, OverrideRating


class RagOverrideForm(GuardedForm):
    rating = forms.ChoiceField(
        label="Status to show",
        choices=OverrideRating.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose red, amber or green."},
    )
    reason = forms.CharField(
        label="Why the computed status is wrong",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text="Shown next to the computed status to everyone who can see the project.",
        error_messages={
            "required": "Say why the computed status is wrong; the reason is shown next to it."
        },
    )
    expires_on = DateField(
        label="Override ends on (optional)",
        required=False,
        help_text="After this date the computed status shows again. Leave empty to keep it "
        "until someone clears it.",
        error_messages=DATE_ERRORS,
    )


class RagClearForm(GuardedForm):
    reason = forms.CharField(
        label="Why the override is no longer needed (optional)",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=4000,
    )


class ClosureForm(GuardedForm):
    """Carries the state the person saw, and a reason field for each open risk of the gate."""

    expected_state = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, risk_ids: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for rule_id in risk_ids or []:
            self.fields[f"risk_{rule_id}"] = forms.CharField(
                label=f"Accept risk {rule_id}: why is it acceptable to go ahead?",
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


class CompletionForm(ClosureForm):
    actual_end = DateField(
        label="Actual end date",
        help_text="The day delivery ended. The six-month deadline for publishing outcomes runs "
        "from it.",
        error_messages={"required": "Enter the date delivery ended.", **DATE_ERRORS},
    )

    def __init__(self, *args: Any, ask_start: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if ask_start:
            self.fields["actual_start"] = DateField(
                label="Actual start date (optional)",
                required=False,
                help_text="No start date was recorded for delivery. Add it if you know it.",
                error_messages=DATE_ERRORS,
            )


class TerminationForm(ClosureForm):
    ended_on = DateField(
        label="Date delivery stopped",
        error_messages={"required": "Enter the date delivery stopped.", **DATE_ERRORS},
    )
    reason = forms.CharField(
        label="Why the project is being terminated",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text="Kept in the project's history.",
        error_messages={"required": "Give the reason for terminating the project."},
    )

    def __init__(self, *args: Any, steps: list[PlannedStep], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.steps = steps
        for step in steps:
            self.fields[f"done_{step.key}"] = forms.CharField(
                label=f"What was done: {step.subject}",
                widget=forms.Textarea(attrs={"rows": 3}),
                max_length=TEXT_LIMIT,
                error_messages={
                    "required": f"Say what was done about {step.subject}, or why nothing was "
                    "needed."
                },
            )

    def step_rows(self) -> list[tuple[PlannedStep, forms.BoundField]]:
        return [(s, self[f"done_{s.key}"]) for s in self.steps]

    def done(self) -> dict[str, str]:
        return {s.key: self.cleaned_data[f"done_{s.key}"] for s in self.steps}
