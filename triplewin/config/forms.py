"""The base of every form in the product: the input guard runs on every value it accepts.

Each field cleans its own value first. Then every string the form accepted (wherever it sits:
a text box, a hidden field, a list of choices) goes through `core.input_guard`, and every
date is checked against the plausible range. A refusal is an error on that field, so it is
shown next to it and nothing is saved; a model form never copies a refused value onto its
instance.

A warning (a date of birth, or a postcode beside a name) is an error too, until the person
ticks the box that `config.form_fields` shows under the field. The tick carries a token of
the exact text it confirms, so editing the text asks again.

Every form class in `triplewin` must include `InputGuard`; a test walks them all.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, TypeVar

from django import forms
from django.db import models

from triplewin.config.date_input import DateField
from triplewin.core import input_guard
from triplewin.core.input_guard import PROJECT_DATES, DateRange

# The name of the confirmation box is the field's own name with this ending.
CONFIRM_SUFFIX = "__not_a_patient"
CONFIRM_LABEL = "I have checked: this is not about a patient"

_M = TypeVar("_M", bound=models.Model)


def plausible_dates(field: forms.Field) -> DateRange:
    """The range a date field accepts: the product's range unless the field names another."""
    found = getattr(field, "plausible_dates", PROJECT_DATES)
    return found if isinstance(found, DateRange) else PROJECT_DATES


class RangedDateField(DateField):
    """A date field whose plausible range is not the product's usual one."""

    def __init__(self, *args: Any, plausible_dates: DateRange, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plausible_dates = plausible_dates


class InputGuard(forms.BaseForm):
    """Runs the input guard on everything a form accepted, after the fields' own cleaning."""

    # Field name -> the token its confirmation box must carry, for warnings not yet confirmed.
    guard_warnings: dict[str, str]
    # Whether warnings are raised: only pages that can show the confirmation box raise them.
    raises_warnings: ClassVar[bool] = True

    def _clean_fields(self) -> None:
        # Django's own step between the fields' cleaning and the form's clean(); the stubs
        # leave it out, but overriding it is the only place that sees every field's result.
        super()._clean_fields()  # type: ignore[misc]
        self.guard_warnings = {}
        for name, value in list(self.cleaned_data.items()):
            field = self.fields.get(name)
            if field is not None and not isinstance(field.widget, forms.PasswordInput):
                self._guard(name, field, value)

    def _guard(self, name: str, field: forms.Field, value: Any) -> None:
        if isinstance(value, dt.date):
            problem = input_guard.date_problem(value, plausible_dates(field))
            if problem:
                self.add_error(name, forms.ValidationError(problem, code="implausible_date"))
            return
        texts = list(input_guard.strings(value))
        if not texts:
            return
        findings = [f for text in texts for f in input_guard.inspect_text(text)]
        refused = input_guard.blocking(findings)
        if refused:
            self.add_error(name, _errors(refused))
            return
        warned = input_guard.warnings(findings) if self.raises_warnings else []
        if not warned:
            return
        token = input_guard.confirmation_token("\n".join(texts))
        if self.data.get(self.add_prefix(name) + CONFIRM_SUFFIX) == token:
            return
        self.guard_warnings[name] = token
        self.add_error(name, _errors(input_guard.with_advice(warned, input_guard.CONFIRM_ADVICE)))

    def guard_token(self, name: str) -> str | None:
        """The token a confirmation box for `name` must carry, if one is needed."""
        return getattr(self, "guard_warnings", {}).get(name)


def _errors(findings: list[input_guard.Finding]) -> forms.ValidationError:
    by_message = {f.message: f.kind.value for f in findings}
    return forms.ValidationError(
        [
            forms.ValidationError(message, code=by_message.get(message, "identifier"))
            for message in input_guard.messages(findings)
        ]
    )


class GuardedForm(InputGuard, forms.Form):
    """The plain form every form in the product starts from."""


class GuardedModelForm(InputGuard, forms.ModelForm[_M]):
    """The model form every model form in the product starts from."""


class GuardedAdminForm(GuardedModelForm[_M]):
    """Admin pages refuse what the guard refuses. They raise no warnings: Django's admin
    templates cannot show the confirmation box, and administrators keep organisations and
    memberships there, not accounts of patients."""

    raises_warnings = False
