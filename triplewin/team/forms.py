"""Forms for the team, objections and governance committee seats."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.core.validators import MaxLengthValidator

from triplewin.config.date_input import DateField
from triplewin.config.forms import GuardedForm, GuardedModelForm
from triplewin.organisations.models import Organisation
from triplewin.submissions.versions import RowVersionField, version_of
from triplewin.team.models import CommitteeRole, ObjectionOutcome, ProjectRole, SystemRoute

REASON_LIMIT = 4000


def _choose(field: forms.Field, choices: list[tuple[int | str, str]]) -> None:
    assert isinstance(field, forms.TypedChoiceField)
    field.choices = choices


class _PersonAndOrganisation(GuardedForm):
    """A person and the partner they act for, chosen from the project's partners' people."""

    user = forms.TypedChoiceField(
        label="Person",
        coerce=int,
        error_messages={
            "required": "Choose a person.",
            "invalid_choice": "Choose someone who works for one of the partners.",
        },
    )
    organisation = forms.TypedChoiceField(
        label="Representing",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the partner organisation they represent.",
            "invalid_choice": "Choose one of the project's partner organisations.",
        },
    )

    def __init__(
        self,
        *args: Any,
        people: list[tuple[User, str]],
        partners: list[Organisation],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._people = {u.pk: u for u, _ in people}
        self._partners = {o.pk: o for o in partners}
        _choose(self.fields["user"], [("", "Choose a person"), *((u.pk, t) for u, t in people)])
        _choose(self.fields["organisation"], [(o.pk, o.name) for o in partners])

    def clean_user(self) -> int:
        value: int = self.cleaned_data["user"]
        if value not in self._people:
            raise forms.ValidationError("Choose a person.")
        return value

    def chosen_user(self) -> User:
        return self._people[self.cleaned_data["user"]]

    def chosen_organisation(self) -> Organisation:
        return self._partners[self.cleaned_data["organisation"]]


class MemberAddForm(_PersonAndOrganisation):
    project_role = forms.ChoiceField(
        label="Role on the team",
        choices=[("", "Choose a role"), *ProjectRole.choices],
        error_messages={"required": "Choose the person's role on the team."},
    )
    joined_on = DateField(
        label="Date they joined (optional)",
        help_text="Leave empty for today.",
        required=False,
        error_messages={"invalid": "Enter a real date, like 2026-04-01."},
    )


class SeatForm(_PersonAndOrganisation):
    committee_role = forms.ChoiceField(
        label="Seat on the committee",
        choices=CommitteeRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the seat on the committee."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].label = "Whose committee"


class ReasonForm(GuardedForm):
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=REASON_LIMIT,
        help_text="Kept in the project's record.",
        error_messages={"required": "Give a reason. It is kept in the project's record."},
    )


class ObjectionForm(ReasonForm):
    organisation = forms.TypedChoiceField(
        label="Objecting on behalf of",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the organisation you are objecting for.",
            "invalid_choice": "Choose an organisation you may speak for.",
        },
    )
    field_order = ("organisation", "reason")

    def __init__(self, *args: Any, organisations: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._organisations = {o.pk: o for o in organisations}
        _choose(self.fields["organisation"], [(o.pk, o.name) for o in organisations])
        if len(organisations) == 1:
            self.initial.setdefault("organisation", organisations[0].pk)
        self.fields["reason"].label = "Why do you object to this person's place on the team?"

    def chosen_organisation(self) -> Organisation:
        return self._organisations[self.cleaned_data["organisation"]]


class ObjectionDecisionForm(ReasonForm):
    outcome = forms.ChoiceField(
        label="Decision",
        choices=[
            (ObjectionOutcome.UPHELD.value, "Uphold: the person leaves the team"),
            (ObjectionOutcome.DISMISSED.value, "Dismiss: the person stays on the team"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to uphold or dismiss the objection."},
    )
    field_order = ("outcome", "reason")


class RemoveForm(ReasonForm):
    """Why a member leaves, who takes over and what they are handed (issue 13 §20)."""

    successor = forms.TypedChoiceField(
        label="Who takes over (optional)",
        coerce=int,
        required=False,
        empty_value=None,
        help_text="Required when the person leaving is their organisation's named lead.",
        error_messages={"invalid_choice": "Choose someone who is still on the team."},
    )
    handover_note = forms.CharField(
        label="Handover note",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=REASON_LIMIT,
        required=False,
        help_text="What the person taking over needs: open actions, contacts, documents, "
        "decisions pending.",
    )
    field_order = ("reason", "successor", "handover_note")

    def __init__(self, *args: Any, others: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choose(self.fields["successor"], [("", "No one yet"), *others])


class SystemRouteForm(GuardedModelForm[SystemRoute]):
    """The ICB leads involved in a system-level project and its medicines committee's view."""

    row_version = RowVersionField()

    class Meta:
        model = SystemRoute
        fields = (
            "clinical_leads",
            "executive_leads",
            "chief_pharmacist",
            "committee_name",
            "committee_decision",
            "decided_on",
            "decision_note",
        )
        field_classes = {"decided_on": DateField}
        widgets = {
            "clinical_leads": forms.Textarea(attrs={"rows": 3}),
            "executive_leads": forms.Textarea(attrs={"rows": 3}),
            "chief_pharmacist": forms.Textarea(attrs={"rows": 2}),
            "committee_decision": forms.RadioSelect,
            "decision_note": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "decided_on": {"invalid": "Enter a real date, like 2026-04-01."},
            "committee_name": {"max_length": "Keep the committee's name under 200 characters."},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["committee_name"].required = False
        for name in ("clinical_leads", "executive_leads", "chief_pharmacist", "decision_note"):
            field = self.fields[name]
            assert isinstance(field, forms.CharField)
            field.max_length = REASON_LIMIT
            field.validators.append(MaxLengthValidator(REASON_LIMIT))
        self.initial.setdefault("row_version", version_of(self.instance))

    def route_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class StandingSeatForm(GuardedForm):
    """A seat on an organisation's usual governance committee."""

    user = forms.TypedChoiceField(
        label="Person",
        coerce=int,
        error_messages={
            "required": "Choose a person.",
            "invalid_choice": "Choose someone who works for this organisation.",
        },
    )
    committee_role = forms.ChoiceField(
        label="Seat on the committee",
        choices=CommitteeRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the seat on the committee."},
    )

    def __init__(self, *args: Any, people: list[tuple[User, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._people = {u.pk: u for u, _ in people}
        _choose(self.fields["user"], [("", "Choose a person"), *((u.pk, t) for u, t in people)])

    def chosen_user(self) -> User:
        return self._people[self.cleaned_data["user"]]


class RouteTextForm(GuardedForm):
    """A sign-off route in words: the organisation's usual one, or a project's own copy."""

    text = forms.CharField(
        label="Sign-off route",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=REASON_LIMIT,
        required=False,
        help_text="Who approves the concept, the PID and the agreement, in which order, and how "
        "often they meet.",
    )
    row_version = RowVersionField()
