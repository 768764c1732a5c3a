"""Forms for editing the executive summary and confirming its workflow steps."""

from __future__ import annotations

from typing import Any

from django import forms

from triplewin.config.date_input import DateField
from triplewin.config.forms import GuardedForm, GuardedModelForm
from triplewin.config.web_address import WebAddressField
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.executive_summary.selectors import TEXT_FIELDS
from triplewin.organisations.models import Organisation
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


class WebsitePageForm(GuardedForm):
    """Where a partner published a summary on its own website, and the day it went live."""

    organisation = forms.TypedChoiceField(
        label="Organisation",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the organisation whose website it is."},
    )
    document = forms.ChoiceField(
        label="Which summary",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose which summary the page shows."},
    )
    url = WebAddressField(
        label="Web address of the page",
        help_text="The page on the organisation's own website, for example "
        "https://www.example-pharma.co.uk/partnerships/asthma-reviews",
    )
    live_on = DateField(
        label="Date the page went live",
        error_messages={
            "required": "Enter the date the page went live.",
            "invalid": "Enter a real date, for example 28 March 2026.",
        },
    )

    def __init__(
        self,
        *args: Any,
        organisations: list[Organisation],
        documents: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._organisations = {o.pk: o for o in organisations}
        organisation = self.fields["organisation"]
        document = self.fields["document"]
        assert isinstance(organisation, forms.TypedChoiceField)
        assert isinstance(document, forms.ChoiceField)
        organisation.choices = [(o.pk, o.name) for o in organisations]
        document.choices = documents
        if len(organisations) == 1:
            self.initial.setdefault("organisation", organisations[0].pk)
        if len(documents) == 1:
            self.initial.setdefault("document", documents[0][0])

    def chosen_organisation(self) -> Organisation:
        return self._organisations[self.cleaned_data["organisation"]]


class WebsitePageChangeForm(GuardedForm):
    url = WebAddressField(label="Web address of the page")
    live_on = DateField(
        label="Date the page went live",
        error_messages={
            "required": "Enter the date the page went live.",
            "invalid": "Enter a real date, for example 28 March 2026.",
        },
    )
    row_version = RowVersionField()
