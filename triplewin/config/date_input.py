"""The one date field of the product: NHS.UK's date input (day, month and year boxes).

NHS.UK's design system asks for three boxes instead of the browser's date picker: people know
the date they are entering (a meeting, a signature), and the picker is hard to use with a
screen reader or on a phone (service manual, "Date input"). Every date field in a form is a
`DateField` from here; `config.form_fields` renders it with NHS.UK's `dateInput` macro.

The boxes post as `<name>_day`, `<name>_month` and `<name>_year`. A single `<name>` holding an
ISO date (2026-03-27) is accepted too, so scripts and older tests that post one value keep
working. Problems are told in NHS.UK's words, next to the field: "The date must include a
year", "Enter a real date".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms

PARTS = ("day", "month", "year")

# People write months as words too; NHS.UK's pattern accepts them (our choice: English only).
_MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

REAL_DATE = "Enter a real date"  # the hint beside the boxes gives an example
YEAR_DIGITS = "The year must be 4 numbers, for example 2026"


@dataclass(frozen=True)
class DateParts:
    """What was typed in the three boxes, kept as typed so it is shown back after an error."""

    day: str = ""
    month: str = ""
    year: str = ""

    @classmethod
    def of(cls, value: Any) -> DateParts:
        """The boxes' contents for a stored date, an ISO string or what was typed."""
        if isinstance(value, DateParts):
            return value
        if isinstance(value, dt.date):
            return cls(str(value.day), str(value.month), str(value.year))
        if isinstance(value, str) and value.strip():
            try:
                return cls.of(dt.date.fromisoformat(value.strip()))
            except ValueError:
                return cls()
        return cls()

    def is_empty(self) -> bool:
        return not (self.day or self.month or self.year)


def _missing_message(missing: list[str]) -> str:
    if len(missing) == 1:
        return f"The date must include a {missing[0]}"
    return f"The date must include a {' and '.join(missing)}"


def parse_parts(parts: DateParts) -> dt.date:
    """The date the boxes hold, or a ValidationError in plain English."""
    missing = [name for name in PARTS if not getattr(parts, name)]
    if missing:
        raise forms.ValidationError(_missing_message(missing), code="incomplete")
    month_text = parts.month.lower()
    month = _MONTH_NAMES.get(month_text)
    if month is None:
        if not month_text.isdigit():
            raise forms.ValidationError(REAL_DATE, code="invalid")
        month = int(month_text)
    if not parts.day.isdigit() or not parts.year.isdigit():
        raise forms.ValidationError(REAL_DATE, code="invalid")
    if len(parts.year) != 4:
        raise forms.ValidationError(YEAR_DIGITS, code="invalid")
    try:
        return dt.date(int(parts.year), month, int(parts.day))
    except ValueError:
        raise forms.ValidationError(REAL_DATE, code="invalid") from None


class DateInput(forms.Widget):
    """Day, month and year boxes. Rendering is `config.form_fields`' job (NHS.UK macro)."""

    template_name = "django/forms/widgets/input.html"  # only Django's admin would use it

    def value_from_datadict(self, data: Mapping[str, Any], files: Any, name: str) -> Any:
        keys = [f"{name}_{part}" for part in PARTS]
        if any(key in data for key in keys):
            return DateParts(*(str(data.get(key) or "").strip() for key in keys))
        return data.get(name)

    def value_omitted_from_data(self, data: Mapping[str, Any], files: Any, name: str) -> bool:
        return name not in data and not any(f"{name}_{part}" in data for part in PARTS)

    def id_for_label(self, id_: str) -> str:
        # The error summary links to the first box.
        return f"{id_}_day" if id_ else id_


class DateField(forms.DateField):
    """A date typed into NHS.UK's three boxes (or posted as one ISO date)."""

    widget = DateInput

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        messages = {"required": "Enter a date", **(kwargs.pop("error_messages", None) or {})}
        super().__init__(*args, error_messages=messages, **kwargs)

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, DateParts):
            return None if value.is_empty() else parse_parts(value)
        if isinstance(value, dt.date) or value in self.empty_values:
            return super().to_python(value)
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            pass
        try:  # a form may name other formats for one posted value (the KPI file's dates)
            return super().to_python(value)
        except forms.ValidationError:
            raise forms.ValidationError(REAL_DATE, code="invalid") from None

    def has_changed(self, initial: Any, data: Any) -> bool:
        try:
            return self.to_python(data) != self.to_python(initial)
        except forms.ValidationError:
            return True
