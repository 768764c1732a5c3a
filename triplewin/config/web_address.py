"""A form field for the web address of a page on a partner's own website (ADR 0021)."""

from __future__ import annotations

from typing import Any

from django import forms

from triplewin.core.web_pages import MAX_LENGTH, address_problem


class WebAddressField(forms.CharField):
    """http or https only, with no user name or password in it; told in plain English."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", MAX_LENGTH)
        kwargs.setdefault(
            "widget", forms.URLInput(attrs={"spellcheck": "false", "autocomplete": "url"})
        )
        kwargs.setdefault(
            "error_messages",
            {
                "required": "Enter the web address of the page.",
                "max_length": f"The web address must be at most {MAX_LENGTH} characters.",
            },
        )
        super().__init__(**kwargs)

    def clean(self, value: Any) -> str:
        text = str(super().clean(value) or "").strip()
        if text or self.required:
            problem = address_problem(text)
            if problem:
                raise forms.ValidationError(problem)
        return text
