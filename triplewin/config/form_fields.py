"""Render Django form fields through the NHS.UK frontend macros.

Templates call `field(form["name"])`; this module maps the widget to the matching NHS
component and passes label, hint, value and the error message next to the field.
"""

from __future__ import annotations

from typing import Any

from django import forms
from jinja2 import Environment
from markupsafe import Markup

from triplewin.config.date_input import DateInput, DateParts
from triplewin.config.forms import CONFIRM_LABEL, CONFIRM_SUFFIX
from triplewin.config.picker import GroupedCheckboxes

COMPONENTS = {
    "input": ("nhsuk/components/input/macro.jinja", "input"),
    "textarea": ("nhsuk/components/textarea/macro.jinja", "textarea"),
    "select": ("nhsuk/components/select/macro.jinja", "select"),
    "radios": ("nhsuk/components/radios/macro.jinja", "radios"),
    "checkboxes": ("nhsuk/components/checkboxes/macro.jinja", "checkboxes"),
    "date": ("nhsuk/components/date-input/macro.jinja", "dateInput"),
    "grouped": ("_grouped_checkboxes.jinja", "grouped_checkboxes"),
}

DATE_HINT = "For example, 27 3 2026"


def _macro(env: Environment, kind: str) -> Any:
    path, name = COMPONENTS[kind]
    return getattr(env.get_template(path).module, name)


def _selected(bf: forms.BoundField, value: Any) -> bool:
    current = bf.value()
    if isinstance(current, list | tuple):
        return str(value) in {str(v) for v in current}
    return str(current) == str(value) if current is not None else False


def field_params(bf: forms.BoundField, **overrides: Any) -> tuple[str, dict[str, Any]]:
    widget = bf.field.widget
    label = overrides.pop("label", bf.label)
    hint = overrides.pop("hint", bf.help_text)
    classes = overrides.pop("classes", "")
    params: dict[str, Any] = {"id": bf.id_for_label or bf.auto_id, "name": bf.html_name}
    if hint:
        params["hint"] = {"text": str(hint)}
    if bf.errors:
        params["errorMessage"] = {"text": " ".join(str(e) for e in bf.errors)}
    is_page_heading = overrides.pop("page_heading", False)
    label_params: dict[str, Any] = {"text": str(label)}
    if is_page_heading:
        label_params.update({"isPageHeading": True, "size": "l"})

    if isinstance(widget, GroupedCheckboxes):
        kind = "grouped"
        params["idPrefix"] = params.pop("id")
        params["legend"] = label_params["text"]
        params["searchLabel"] = widget.search_label
        index = iter(range(10_000))
        params["groups"] = [
            {
                "title": title,
                "items": [
                    {
                        "value": value,
                        "text": text,
                        "checked": _selected(bf, value),
                        "id": f"{params['idPrefix']}_{n}"
                        if (n := next(index))
                        else params["idPrefix"],
                    }
                    for value, text in items
                ],
            }
            for title, items in widget.grouped(getattr(bf.field, "choices", []))
        ]
        params["describedBy"] = " ".join(
            f"{params['idPrefix']}-{part}"
            for part, present in (("hint", "hint" in params), ("error", "errorMessage" in params))
            if present
        )
    elif isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        kind = "checkboxes" if isinstance(widget, forms.CheckboxSelectMultiple) else "radios"
        params["idPrefix"] = params.pop("id")
        params["fieldset"] = {"legend": {**label_params, "size": label_params.get("size", "s")}}
        params["items"] = [
            {"value": value, "text": str(text), "checked": _selected(bf, value)}
            for value, text in getattr(bf.field, "choices", [])
            if value != ""
        ]
        if overrides.pop("inline", False):
            params["classes"] = "nhsuk-radios--inline"
    elif isinstance(widget, DateInput):
        kind = "date"
        params["id"] = bf.auto_id or bf.html_name
        params["fieldset"] = {"legend": {**label_params, "size": label_params.get("size", "s")}}
        params["hint"] = {"text": f"{hint} {DATE_HINT}" if hint else DATE_HINT}
        parts = DateParts.of(bf.value())
        base = params["id"]
        params["items"] = [
            {
                "id": f"{base}_{part}",
                "name": f"{bf.html_name}_{part}",
                "label": part.capitalize(),
                "value": getattr(parts, part),
                "width": 4 if part == "year" else 2,
            }
            for part in ("day", "month", "year")
        ]
    elif isinstance(widget, forms.CheckboxInput):
        kind = "checkboxes"
        params["idPrefix"] = params.pop("id")
        params["items"] = [
            {"value": "on", "text": str(label), "checked": bool(bf.value()), "id": bf.auto_id}
        ]
        if hint:
            params["items"][0]["hint"] = params.pop("hint")
    elif isinstance(widget, forms.Select):
        kind = "select"
        params["label"] = label_params
        params["items"] = [
            {"value": value, "text": str(text), "selected": _selected(bf, value)}
            for value, text in getattr(bf.field, "choices", [])
        ]
    elif isinstance(widget, forms.Textarea):
        kind = "textarea"
        params["label"] = label_params
        params["value"] = bf.value() or ""
        params["rows"] = overrides.pop("rows", widget.attrs.get("rows", 5))
    else:
        kind = "input"
        params["label"] = label_params
        value = bf.value()
        params["value"] = "" if value is None else str(value)
        input_type = getattr(widget, "input_type", "text")
        params["type"] = {"number": "text"}.get(input_type, input_type)
        if input_type == "number":
            params["inputmode"] = "numeric"
        if input_type == "password":
            params["value"] = ""
        autocomplete = widget.attrs.get("autocomplete")
        if autocomplete:
            params["autocomplete"] = autocomplete
    if classes:
        params["classes"] = f"{params.get('classes', '')} {classes}".strip()
    params.update(overrides)
    return kind, params


def confirm_params(bf: forms.BoundField) -> dict[str, Any] | None:
    """The box that confirms a warning from the input guard, when the field has one."""
    guard_token = getattr(bf.form, "guard_token", None)
    token = guard_token(bf.name) if guard_token else None
    if token is None:
        return None
    return {
        "idPrefix": f"{bf.auto_id}{CONFIRM_SUFFIX}",
        "name": f"{bf.html_name}{CONFIRM_SUFFIX}",
        "items": [
            {
                "value": token,
                "text": CONFIRM_LABEL,
                "id": f"{bf.auto_id}{CONFIRM_SUFFIX}",
                "hint": {
                    "text": "For example, an organisation's address or a staff member's "
                    "contact details. Leave it unticked and change the text if it is a patient's."
                },
            }
        ],
    }


def make_field(env: Environment) -> Any:
    def field(bf: forms.BoundField, **overrides: Any) -> Markup:
        kind, params = field_params(bf, **overrides)
        # The NHS macro runs in an autoescaping environment, so its output is already safe.
        html = Markup(_macro(env, kind)(params))  # noqa: S704
        confirm = confirm_params(bf)
        if confirm is not None:
            html += Markup(_macro(env, "checkboxes")(confirm))  # noqa: S704
        return html

    return field


def error_summary_items(form: forms.BaseForm) -> list[dict[str, str]]:
    items: list[dict[str, str]] = []
    for name, errors in form.errors.items():
        # A hidden field (the version an edit was based on) has nothing to link to.
        if name == "__all__" or form[name].is_hidden:
            items.extend({"text": str(e), "href": "#main-errors"} for e in errors)
            continue
        bf = form[name]
        anchor = bf.id_for_label or bf.auto_id
        if isinstance(bf.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            anchor = f"{bf.auto_id}"
        # Every date field says "Enter a real date", so the summary says which date it means.
        prefix = f"{bf.label}: " if isinstance(bf.field.widget, DateInput) else ""
        items.extend({"text": f"{prefix}{e}", "href": f"#{anchor}"} for e in errors)
    return items
