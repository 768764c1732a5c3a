"""The form an organisation administrator fills in to create an API token."""

from __future__ import annotations

from typing import Any

from django import forms

from triplewin.api.models import Scope
from triplewin.config.date_input import DateField
from triplewin.config.forms import GuardedForm
from triplewin.partnerships.models import Project


class TokenForm(GuardedForm):
    name = forms.CharField(
        label="Name",
        max_length=100,
        help_text="What the token is for, so you know it later: for example 'BI KPI feed'.",
        error_messages={
            "required": "Enter a name that says what the token is for, like 'BI feed'.",
            "max_length": "Keep the name under 100 characters.",
        },
    )
    scopes = forms.MultipleChoiceField(
        label="What the token may do",
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one thing the token may do."},
    )
    expires_on = DateField(
        label="Expires on",
        help_text="At most a year from today. For example, 31 3 2027.",
        error_messages={
            "required": "Enter the date the token stops working.",
            "invalid": "Enter a real date, for example 31 March 2027.",
        },
    )
    projects = forms.TypedMultipleChoiceField(
        label="Projects (optional)",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked for every project your organisation is a partner in.",
    )

    def __init__(self, *args: Any, projects: list[Project], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._projects = {p.pk: p for p in projects}
        field = self.fields["projects"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(p.pk, p.title) for p in projects]

    def chosen_projects(self) -> list[Project]:
        return [self._projects[pk] for pk in self.cleaned_data.get("projects", [])]
