"""Forms for the PID's own fields and each party's responsibilities on termination."""

from __future__ import annotations

from typing import Any

from django import forms

from triplewin.config.forms import GuardedForm, GuardedModelForm
from triplewin.partnerships.models import ProjectPartner
from triplewin.pid.models import PID_FIELDS, Methodology, Pid
from triplewin.submissions.versions import RowVersionField

TEXT_LIMIT = 8000


class PidForm(GuardedModelForm[Pid]):
    row_version = RowVersionField()

    class Meta:
        model = Pid
        fields = PID_FIELDS
        widgets = {
            "methodology": forms.RadioSelect,
            "success_when": forms.TextInput,
            "success_by_whom": forms.TextInput,
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
        methodology = self.fields["methodology"]
        assert isinstance(methodology, forms.TypedChoiceField)
        methodology.choices = Methodology.choices
        methodology.error_messages["invalid_choice"] = "Choose one of the methodologies listed."

    def pid_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name, "") for name in PID_FIELDS}


class ResponsibilitiesForm(GuardedForm):
    row_version = RowVersionField()

    def __init__(
        self,
        *args: Any,
        partners: list[ProjectPartner],
        current: dict[int, str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.partners = partners
        for partner in partners:
            self.fields[f"duty_{partner.organisation_id}"] = forms.CharField(
                label=f"If the project is terminated, {partner.organisation.name} will",
                help_text="For example: hand back data, wind down funded posts, tell patients.",
                required=False,
                max_length=TEXT_LIMIT,
                widget=forms.Textarea(attrs={"rows": 4}),
                initial=current.get(partner.organisation_id, ""),
                error_messages={"max_length": f"Keep this under {TEXT_LIMIT} characters."},
            )

    def duty_fields(self) -> list[forms.BoundField]:
        return [self[f"duty_{p.organisation_id}"] for p in self.partners]

    def texts(self) -> dict[int, str]:
        return {
            p.organisation_id: self.cleaned_data.get(f"duty_{p.organisation_id}", "")
            for p in self.partners
        }
