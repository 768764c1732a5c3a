"""Forms for editing the executive summary and confirming its workflow steps."""

from __future__ import annotations

from typing import Any

from django import forms

from triplewin.config.forms import GuardedForm, GuardedModelForm
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.executive_summary.selectors import TEXT_FIELDS
from triplewin.submissions.versions import RowVersionField

TEXT_LIMIT = 8000


class SummaryForm(GuardedModelForm[ExecutiveSummary]):
    row_version = RowVersionField()

    class Meta:
        model = ExecutiveSummary
        fields = TEXT_FIELDS
        help_texts = {
            "rationale": "Why the partners are doing this project.",
            "period": "For example: April 2027 to March 2028.",
            "financial_arrangements": "What each party contributes, in money and in kind.",
            "contacts": "One accountable person for each organisation.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and isinstance(field.widget, forms.Textarea):
                field.max_length = TEXT_LIMIT
                field.widget.attrs["rows"] = 4
                field.error_messages["max_length"] = f"Keep this under {TEXT_LIMIT} characters."
            elif isinstance(field, forms.CharField):
                field.error_messages["max_length"] = "Keep this under %(limit_value)d characters."

    def summary_fields(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "") for name in TEXT_FIELDS}


class ConfirmForm(GuardedForm):
    """A button press bound to the version of the summary the person was looking at."""

    row_version = RowVersionField()
