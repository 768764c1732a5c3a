"""NHS.UK classes on allauth's form fields, for its Django templates (ADR 0032)."""

from __future__ import annotations

from django import template
from django.forms import BoundField, CheckboxInput
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def nhsuk_widget(field: BoundField) -> SafeString:
    if isinstance(field.field.widget, CheckboxInput):
        classes = "nhsuk-checkboxes__input"
    else:
        classes = "nhsuk-input nhsuk-u-width-two-thirds"
        if field.errors:
            classes += " nhsuk-input--error"
    attrs: dict[str, str | bool] = {"class": classes}
    if field.errors:
        attrs["aria-describedby"] = f"{field.auto_id}-error"
    return field.as_widget(attrs=attrs)
