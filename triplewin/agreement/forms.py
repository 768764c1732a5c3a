"""Forms for the agreement; the services decide what is allowed."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

from triplewin.agreement.models import Agreement
from triplewin.agreement.selectors import TERMS_FIELDS
from triplewin.agreement.services.parties import INDIVIDUAL_REFUSED
from triplewin.config.date_input import DateField
from triplewin.config.forms import GuardedForm, GuardedModelForm
from triplewin.organisations.models import Organisation
from triplewin.submissions.versions import RowVersionField

TEXT_LIMIT = 8000
ORGANISATION_ID = re.compile(r"[0-9]{1,18}")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"]
DATE_INVALID = "Enter a real date, for example 31/03/2027."


class AgreementForm(GuardedModelForm[Agreement]):
    row_version = RowVersionField()
    agreement_date = DateField(
        label="Date of the agreement",
        required=False,
        input_formats=DATE_FORMATS,
        error_messages={"invalid": DATE_INVALID},
    )

    class Meta:
        model = Agreement
        # The form edits exactly the terms a signature is bound to.
        fields = TERMS_FIELDS
        widgets = {"working_type": forms.RadioSelect, "term_months": forms.NumberInput}
        error_messages = {
            "working_type": {"required": "Choose collaborative working or joint working."},
            "term_months": {"invalid": "Enter the term as a whole number of months, like 18."},
        }

    def __init__(self, *args: Any, involves_medicines: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.Meta.fields:
            field = self.fields[name]
            if isinstance(field, forms.CharField) and isinstance(field.widget, forms.Textarea):
                field.validators.append(MaxLengthValidator(TEXT_LIMIT))
                field.widget.attrs["rows"] = 3
        formulary = self.fields["formulary_position"]
        formulary.help_text = (
            "Required because this project involves a medicine."
            if involves_medicines
            else "Only needed when a medicine is involved; this project says none is."
        )
        self.fields["success_measures"].help_text = "Say what is measured, when, and by whom."

    def agreement_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class OrganisationChooser(forms.ChoiceField):
    """A list of organisations. Anything typed in instead (a person's name) is refused."""

    def to_python(self, value: Any) -> Organisation | None:
        text = str(value or "").strip()
        if not text:
            return None
        if not ORGANISATION_ID.fullmatch(text):
            raise ValidationError(INDIVIDUAL_REFUSED, code="not_an_organisation")
        organisation = Organisation.objects.filter(pk=int(text)).first()
        if organisation is None:
            raise ValidationError(
                "There is no such organisation. Choose one from the list.", code="unknown"
            )
        return organisation

    def validate(self, value: Any) -> None:
        forms.Field.validate(self, value)


class PartyForm(GuardedForm):
    organisation = OrganisationChooser(
        label="Organisation that signs",
        help_text="The legal entity, such as a trust, GP federation or company. Bodies that "
        "cannot sign for themselves are marked.",
        error_messages={"required": "Choose the organisation that signs."},
    )
    signatory_name = forms.CharField(
        label="Name of the person who signs for it",
        max_length=200,
        error_messages={"required": "Enter the name of the person who signs for the organisation."},
    )
    signatory_job_title = forms.CharField(
        label="Their job title",
        max_length=200,
        error_messages={"required": "Enter the job title of the person who signs."},
    )

    def __init__(self, *args: Any, organisations: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        chooser = self.fields["organisation"]
        assert isinstance(chooser, OrganisationChooser)
        chooser.choices = [
            ("", "Choose an organisation"),
            *(
                (o.pk, o.name if o.is_legal_entity else f"{o.name} (not a legal entity)")
                for o in organisations
            ),
        ]

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean()
        # A party given as free text names a person or a team, never an organisation record.
        if str(self.data.get("party_name", "")).strip():
            self.add_error("organisation", INDIVIDUAL_REFUSED)
        return cleaned


class SignatoryForm(GuardedForm):
    signatory_name = PartyForm.base_fields["signatory_name"]
    signatory_job_title = PartyForm.base_fields["signatory_job_title"]
    row_version = RowVersionField()


class SignForm(GuardedForm):
    signed_on = DateField(
        label="Date signed",
        input_formats=DATE_FORMATS,
        error_messages={"required": "Enter the date it was signed.", "invalid": DATE_INVALID},
    )
    row_version = RowVersionField()


class UploadForm(GuardedForm):
    file = forms.FileField(
        label="Signed copy (PDF)",
        help_text="A PDF of the agreement with every signature, up to 10 MB.",
        error_messages={
            "required": "Choose the signed agreement to upload.",
            "empty": "The file is empty. Choose the signed agreement, saved as a PDF.",
            "invalid": "Choose a file to upload.",
        },
    )


class RemoveForm(GuardedForm):
    """No fields: it carries the reason a removal was refused to the top of the page."""
