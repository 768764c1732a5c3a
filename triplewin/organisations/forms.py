"""Forms of the people pages, invitations and requests to join."""

from __future__ import annotations

from typing import Any

from django import forms

from triplewin.config.forms import GuardedForm
from triplewin.organisations.models import Function, Organisation, OrgType, Role, Sector

FUNCTION_HINT = (
    "The part of the company they work in. Sales staff cannot sit on a project team or a "
    "governance committee (ABPI Code, clause 20)."
)
FUNCTION_CHOICES = [("", "Choose a part of the company"), *Function.choices]
REASON_LIMIT = 2000


class _PlaceInOrganisation(GuardedForm):
    """The part of the company (company staff only) and the job title, for every role held."""

    function = forms.ChoiceField(
        label="Part of the company",
        choices=FUNCTION_CHOICES,
        required=False,
        help_text=FUNCTION_HINT,
    )
    job_title = forms.CharField(label="Job title (optional)", max_length=150, required=False)

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisation.sector is not Sector.INDUSTRY:
            del self.fields["function"]


class InviteForm(_PlaceInOrganisation):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter the email address of the person to invite.",
            "invalid": "Enter an email address in the right format, like name@example.nhs.uk.",
        },
    )
    role = forms.ChoiceField(
        label="Role",
        choices=[("", "Choose a role"), *Role.choices],
        error_messages={"required": "Choose the role they will have."},
    )
    field_order = ["email", "role", "function", "job_title"]


class PersonForm(_PlaceInOrganisation):
    roles = forms.MultipleChoiceField(
        label="Roles",
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choose at least one role. To remove everything, mark them as a leaver."
        },
    )
    field_order = ["roles", "function", "job_title"]


class NewAccountForm(GuardedForm):
    first_name = forms.CharField(
        label="First name", max_length=150, error_messages={"required": "Enter your first name."}
    )
    last_name = forms.CharField(
        label="Last name", max_length=150, error_messages={"required": "Enter your last name."}
    )
    password = forms.CharField(
        label="Choose a password",
        help_text="At least 8 characters. A few unrelated words make a strong password.",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Choose a password."},
    )
    password_again = forms.CharField(
        label="Type the password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Type the password again."},
    )

    def __init__(self, *args: Any, names: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not names:
            del self.fields["first_name"]
            del self.fields["last_name"]

    def clean(self) -> dict[str, Any] | None:
        data = super().clean() or {}
        first, again = data.get("password"), data.get("password_again")
        if first and again and first != again:
            self.add_error("password_again", "The two passwords are not the same.")
        return data


class JoinForm(GuardedForm):
    name = forms.CharField(
        label="Organisation name",
        max_length=255,
        error_messages={"required": "Enter the organisation's name."},
    )
    org_type = forms.ChoiceField(
        label="Type of organisation",
        choices=[("", "Choose a type"), *OrgType.choices],
        error_messages={"required": "Choose the type of organisation."},
    )
    ods_code = forms.CharField(
        label="ODS code",
        max_length=6,
        required=False,
        help_text="NHS organisations only: the Organisation Data Service code, such as RWD.",
        error_messages={"max_length": "An ODS code has at most 6 letters or digits."},
    )
    is_legal_entity = forms.TypedChoiceField(
        label="Can the organisation sign agreements in its own name?",
        help_text="A primary care network, for example, signs through another legal entity.",
        choices=[("yes", "Yes, it is a legal entity"), ("no", "No, it signs through another")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether the organisation can sign agreements."},
    )
    requester_name = forms.CharField(
        label="Your full name", max_length=150, error_messages={"required": "Enter your name."}
    )
    requester_email = forms.EmailField(
        label="Your work email address",
        max_length=254,
        help_text="If the request is approved, we send the invitation to be the organisation's "
        "administrator here.",
        error_messages={
            "required": "Enter your work email address.",
            "invalid": "Enter an email address in the right format, like name@example.nhs.uk.",
        },
    )
    requester_function = forms.ChoiceField(
        label="Your part of the company",
        choices=FUNCTION_CHOICES,
        required=False,
        help_text="Pharmaceutical companies only.",
    )


class RejectForm(GuardedForm):
    reason = forms.CharField(
        label="Reason for rejecting",
        help_text="We email it to the person who asked.",
        max_length=REASON_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give the reason, so the person who asked can act on it."},
    )
