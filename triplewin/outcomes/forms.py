"""Forms for editing the outcomes summary and confirming its sign-off steps."""

from __future__ import annotations

from typing import Any

from django import forms

from triplewin.config.forms import GuardedForm, GuardedModelForm
from triplewin.outcomes.models import OutcomesSummary
from triplewin.outcomes.selectors import TEXT_FIELDS
from triplewin.pid.forms.signoff import DecisionFields
from triplewin.submissions.versions import RowVersionField

TEXT_LIMIT = 8000
HELP_TEXTS = {
    "partners": "Every partner organisation and its role.",
    "duration": "The actual start and end dates of delivery.",
    "overview": "What the project set out to do and what it did, in plain words.",
    "results": "Each success criterion and what the measures showed against it.",
    "shared_vision": "Did the partners keep working towards the same aim to the end?",
    "contributions": "Did each party provide what it agreed to? Say where it did not, and why.",
    "benefits": "What each party gained, including anything unexpected.",
    "relationships": "How the partners worked together, and how trust held up.",
    "business_case": "Was a business case made, and will the service be commissioned?",
    "scaling": "Could the approach be used elsewhere, and what would that need?",
    "conclusions": "What the partners, and anyone planning something similar, should learn.",
}


class OutcomesForm(GuardedModelForm[OutcomesSummary]):
    row_version = RowVersionField()

    class Meta:
        model = OutcomesSummary
        fields = TEXT_FIELDS
        help_texts = HELP_TEXTS

    def __init__(self, *args: Any, hints: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.CharField) and isinstance(field.widget, forms.Textarea):
                field.max_length = TEXT_LIMIT
                field.widget.attrs["rows"] = 4
                field.error_messages["max_length"] = f"Keep this under {TEXT_LIMIT} characters."
            elif isinstance(field, forms.CharField):
                field.error_messages["max_length"] = "Keep this under %(limit_value)d characters."
            hint = (hints or {}).get(name)
            if hint:
                field.help_text = f"{field.help_text} {hint}".strip()

    def summary_fields(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "") for name in TEXT_FIELDS}


class ConfirmForm(GuardedForm):
    """A button press bound to the version of the summary the person was looking at."""

    row_version = RowVersionField()


class DecisionForm(ConfirmForm, DecisionFields):
    subject = "the summary"
    rejection_prompt = "Say why you reject the summary"
