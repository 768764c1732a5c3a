"""Forms for recording a transfer of value and for marking a year disclosed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from triplewin.config.date_input import DateField
from triplewin.config.forms import GuardedForm
from triplewin.config.web_address import WebAddressField
from triplewin.organisations.models import Organisation
from triplewin.submissions.versions import RowVersionField
from triplewin.transfers.models import FIRST_YEAR, LAST_YEAR, ZERO, Category


class MoneyField(forms.DecimalField):
    """Pounds and pence; accepts what people type: "£1,250", "1250.5", "-40"."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            max_digits=12,
            decimal_places=2,
            required=False,
            widget=forms.TextInput(attrs={"inputmode": "decimal"}),
            error_messages={
                "invalid": "Enter an amount in pounds, like 1250 or 1250.50.",
                "max_decimal_places": "Enter pounds and pence only, like 1250.50.",
                "max_digits": "Enter an amount under £10 billion.",
                "max_whole_digits": "Enter an amount under £10 billion.",
            },
            **kwargs,
        )

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if isinstance(value, str):
            value = value.replace("£", "").replace(",", "").strip()
        result = super().to_python(value)
        return ZERO if result is None else result


def _choices(organisations: list[Organisation]) -> list[tuple[int, str]]:
    return [(o.pk, o.name) for o in organisations]


class TransferForm(GuardedForm):
    company = forms.TypedChoiceField(
        label="Company that made the transfer",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the company that made the transfer."},
    )
    recipient = forms.TypedChoiceField(
        label="Organisation that received it",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the organisation that received it."},
    )
    year = forms.IntegerField(
        label="Calendar year",
        help_text="The year the money was paid or the benefit provided, for example 2025.",
        min_value=FIRST_YEAR,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Enter the year, for example 2025.",
            "invalid": "Enter the year as four digits, for example 2025.",
            "min_value": f"Enter a year from {FIRST_YEAR}, when joint working began.",
        },
    )
    category = forms.ChoiceField(
        label="Kind of transfer",
        choices=Category.choices,
        initial=Category.JOINT_COLLABORATIVE,
        widget=forms.RadioSelect,
        help_text="Disclosure UK has one column for each kind.",
        error_messages={"required": "Choose the kind of transfer."},
    )
    amount_money = MoneyField(label="Money (£)")
    amount_benefits_in_kind = MoneyField(
        label="Benefits in kind (£)",
        help_text="The value of staff time, equipment, services or other support given in kind.",
    )
    is_correction = forms.BooleanField(
        label="This row corrects an earlier one",
        required=False,
        help_text="Corrections may be negative. Say in the note what they correct.",
    )
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Not published. Required for a correction.",
    )
    row_version = RowVersionField()

    def __init__(
        self,
        *args: Any,
        companies: list[Organisation],
        recipients: list[Organisation],
        lock_company: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._companies = {o.pk: o for o in companies}
        self._recipients = {o.pk: o for o in recipients}
        self._set_choices("company", companies)
        self._set_choices("recipient", recipients)
        if len(companies) == 1:
            self.initial.setdefault("company", companies[0].pk)
        # A transfer keeps its company; a different payer is a different row.
        self.fields["company"].disabled = lock_company

    def _set_choices(self, name: str, organisations: list[Organisation]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = _choices(organisations)

    def service_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "company": self._companies[data["company"]],
            "recipient": self._recipients[data["recipient"]],
            "year": data["year"],
            "category": data["category"],
            "amount_money": data["amount_money"],
            "amount_benefits_in_kind": data["amount_benefits_in_kind"],
            "is_correction": data["is_correction"],
            "note": data["note"],
        }


class DiscloseForm(GuardedForm):
    company = forms.TypedChoiceField(
        label="Company",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the company that submitted the figures."},
    )
    year = forms.TypedChoiceField(
        label="Year disclosed",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the year."},
    )
    disclosed_on = DateField(
        label="Date submitted to Disclosure UK",
        error_messages={
            "required": "Enter the date the figures were submitted.",
            "invalid": "Enter a real date, for example 28 March 2026.",
        },
    )

    def __init__(
        self,
        *args: Any,
        companies: list[Organisation],
        years: list[int],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._companies = {o.pk: o for o in companies}
        company = self.fields["company"]
        year = self.fields["year"]
        assert isinstance(company, forms.TypedChoiceField)
        assert isinstance(year, forms.TypedChoiceField)
        company.choices = _choices(companies)
        year.choices = [(y, str(y)) for y in years]
        if len(companies) == 1 and not self.is_bound:
            self.initial.setdefault("company", companies[0].pk)

    def chosen_company(self) -> Organisation:
        return self._companies[self.cleaned_data["company"]]


class ContractedServiceForm(GuardedForm):
    company = forms.TypedChoiceField(
        label="Company that contracted the service",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the company that contracted the service."},
    )
    provider = forms.TypedChoiceField(
        label="Organisation contracted to deliver it",
        coerce=int,
        help_text="An organisation outside the partnership, such as a patient organisation.",
        error_messages={
            "required": "Choose the organisation that delivers the service.",
            "invalid_choice": "Choose an organisation from the list.",
        },
    )
    service = forms.CharField(
        label="What the service is",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what service the organisation delivers."},
    )
    year = forms.IntegerField(
        label="Calendar year paid",
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Enter the year, for example 2025.",
            "invalid": "Enter the year as four digits, for example 2025.",
            "min_value": f"Enter a year from {FIRST_YEAR}.",
            "max_value": "Enter the year the service is paid.",
        },
    )
    value = MoneyField(label="Contracted value (£)")

    def __init__(
        self,
        *args: Any,
        companies: list[Organisation],
        providers: list[Organisation],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._companies = {o.pk: o for o in companies}
        company = self.fields["company"]
        assert isinstance(company, forms.TypedChoiceField)
        company.choices = _choices(companies)
        if len(companies) == 1:
            self.initial.setdefault("company", companies[0].pk)
        self._providers = {o.pk: o for o in providers}
        provider = self.fields["provider"]
        assert isinstance(provider, forms.TypedChoiceField)
        provider.choices = [("", "Choose an organisation"), *_choices(providers)]

    def clean_value(self) -> Decimal:
        value = self.cleaned_data["value"]
        if value is None or value <= ZERO:
            raise forms.ValidationError("Enter the contracted value in pounds, like 2500.")
        return Decimal(value)

    def service_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "company": self._companies[data["company"]],
            "provider": self._providers[data["provider"]],
            "service": data["service"],
            "year": data["year"],
            "value": data["value"],
        }


class ContractedPublishedForm(GuardedForm):
    published_url = WebAddressField(
        label="Page on the company's website that lists the value",
        help_text="For example https://www.example-pharma.co.uk/transparency/patient-organisations",
    )
    published_on = DateField(
        label="Date the value went up",
        error_messages={
            "required": "Enter the date the value was published.",
            "invalid": "Enter a real date, for example 28 March 2026.",
        },
    )
    row_version = RowVersionField()
