"""Forms for meetings, their agenda, attendance, decisions, votes and the action log."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User

from triplewin.config.date_input import DateField
from triplewin.config.forms import GuardedForm
from triplewin.core import parity
from triplewin.meetings.models import (
    AgendaItem,
    AttendanceStatus,
    DecisionRuleChoice,
    Meeting,
    MeetingKind,
    VoteChoice,
)
from triplewin.organisations.models import Organisation
from triplewin.submissions.versions import RowVersionField
from triplewin.team.models import TeamMember
from triplewin.team.selectors import display_name

TEXT_LIMIT = 8000


def _choose(field: forms.Field, choices: list[tuple[int | str, str]]) -> None:
    assert isinstance(field, forms.TypedChoiceField)
    field.choices = choices


class VersionForm(GuardedForm):
    """Carries the version of the meeting the person was looking at."""

    row_version = RowVersionField()


class MeetingForm(GuardedForm):
    title = forms.CharField(
        max_length=200,
        help_text="For example: Steering committee, March.",
        error_messages={"required": "Give the meeting a title."},
    )
    kind = forms.ChoiceField(
        label="Kind of meeting",
        choices=MeetingKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the kind of meeting."},
    )
    scheduled_for = DateField(
        label="Date",
        error_messages={
            "required": "Enter the date of the meeting.",
            "invalid": "Enter a real date, like 2027-03-14.",
        },
    )
    location = forms.CharField(
        max_length=200, required=False, help_text="A room, an address or 'Online'."
    )


class MeetingEditForm(MeetingForm, VersionForm):
    minutes_notes = forms.CharField(
        label="Notes for the minutes",
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        max_length=TEXT_LIMIT,
        help_text="Discussion worth recording that is not a decision or an action.",
    )

    @classmethod
    def for_meeting(cls, meeting: Meeting, data: Any = None) -> MeetingEditForm:
        initial = {
            name: getattr(meeting, name) for name in cls.base_fields if name != "row_version"
        }
        initial["row_version"] = meeting.row_version
        return cls(data=data, initial=initial)

    def details(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "row_version"}


class AgendaItemForm(VersionForm):
    title = forms.CharField(
        label="Agenda item",
        max_length=300,
        error_messages={"required": "Enter the agenda item."},
    )
    relates_to_organisation = forms.TypedChoiceField(
        label="Does this item discuss one partner's matters?",
        coerce=int,
        required=False,
        empty_value=None,
        help_text="Members with an interest in that partner will be kept out of votes on it.",
        error_messages={"invalid_choice": "Choose one of the project's partners."},
    )

    def __init__(self, *args: Any, partners: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._partners = {o.pk: o for o in partners}
        _choose(
            self.fields["relates_to_organisation"],
            [("", "No, it concerns all partners"), *((o.pk, o.name) for o in partners)],
        )

    def organisation(self) -> Organisation | None:
        value = self.cleaned_data.get("relates_to_organisation")
        return self._partners.get(value) if value is not None else None


class AttendanceForm(VersionForm):
    def __init__(self, *args: Any, members: list[TeamMember], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.members = members
        for m in members:
            self.fields[f"member_{m.pk}"] = forms.ChoiceField(
                label=f"{display_name(m.user)} ({m.organisation.name})",
                choices=AttendanceStatus.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Say whether {display_name(m.user)} was present, sent apologies "
                    "or was absent."
                },
            )

    def member_fields(self) -> list[forms.BoundField]:
        return [self[f"member_{m.pk}"] for m in self.members]

    def statuses(self) -> dict[int, str]:
        return {m.pk: self.cleaned_data[f"member_{m.pk}"] for m in self.members}


class DecisionForm(GuardedForm):
    text = forms.CharField(
        label="What was decided?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=TEXT_LIMIT,
        error_messages={"required": "Write down what was decided."},
    )
    agenda_item = forms.TypedChoiceField(
        label="Agenda item",
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": "Choose an item from this meeting's agenda."},
    )
    is_vote = forms.BooleanField(
        label="This decision is put to a vote",
        required=False,
        help_text="Conflicted members are excluded automatically when the vote opens.",
    )

    def __init__(self, *args: Any, items: list[AgendaItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._items = {i.pk: i for i in items}
        _choose(
            self.fields["agenda_item"],
            [("", "Not about a particular item"), *((i.pk, i.title) for i in items)],
        )

    def item(self) -> AgendaItem | None:
        value = self.cleaned_data.get("agenda_item")
        return self._items.get(value) if value is not None else None


class _MemberForm(GuardedForm):
    member = forms.TypedChoiceField(
        label="Member",
        coerce=int,
        error_messages={
            "required": "Choose a member.",
            "invalid_choice": "Choose a member of the project team.",
        },
    )

    def __init__(self, *args: Any, members: list[TeamMember], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._members = {m.pk: m for m in members}
        _choose(
            self.fields["member"],
            [("", "Choose a member"), *((m.pk, display_name(m.user)) for m in members)],
        )

    def chosen_member(self) -> TeamMember:
        return self._members[self.cleaned_data["member"]]


class VoteGridForm(GuardedForm):
    """One row of for / against / abstain per member who may vote: the whole vote at once."""

    def __init__(self, *args: Any, members: list[TeamMember], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.members = members
        for m in members:
            self.fields[f"member_{m.pk}"] = forms.ChoiceField(
                label=f"{display_name(m.user)} ({m.organisation.name})",
                choices=VoteChoice.choices,
                widget=forms.RadioSelect,
                error_messages={"required": f"Say how {display_name(m.user)} voted."},
            )

    def member_fields(self) -> list[forms.BoundField]:
        return [self[f"member_{m.pk}"] for m in self.members]

    def choices(self) -> dict[TeamMember, str]:
        return {m: self.cleaned_data[f"member_{m.pk}"] for m in self.members}


class ExclusionForm(_MemberForm):
    reason = forms.CharField(
        label="Why is this member excluded?",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text="For example, an interest declared at the meeting. It appears in the minutes.",
        error_messages={"required": "Give the reason; it appears in the minutes."},
    )


class ActionForm(GuardedForm):
    description = forms.CharField(
        label="Action",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": "Describe the action."},
    )
    owner = forms.TypedChoiceField(
        label="Owner",
        coerce=int,
        error_messages={
            "required": "Choose who owns the action.",
            "invalid_choice": "Choose a member of the project team.",
        },
    )
    due_on = DateField(
        label="Due by",
        error_messages={
            "required": "Enter the date the action is due.",
            "invalid": "Enter a real date, like 2027-03-14.",
        },
    )
    meeting = forms.TypedChoiceField(
        label="Agreed at",
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": "Choose one of this project's meetings."},
    )

    def __init__(
        self, *args: Any, owners: list[User], meetings: list[Meeting], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._owners = {u.pk: u for u in owners}
        self._meetings = {m.pk: m for m in meetings}
        _choose(
            self.fields["owner"],
            [("", "Choose a team member"), *((u.pk, display_name(u)) for u in owners)],
        )
        _choose(
            self.fields["meeting"],
            [("", "Not agreed at a meeting"), *((m.pk, str(m)) for m in meetings)],
        )

    def chosen_owner(self) -> User:
        return self._owners[self.cleaned_data["owner"]]

    def chosen_meeting(self) -> Meeting | None:
        value = self.cleaned_data.get("meeting")
        return self._meetings.get(value) if value is not None else None


class ActionChangeForm(ActionForm):
    """The same questions without the meeting: where an action was agreed does not change."""

    def __init__(self, *args: Any, owners: list[User], **kwargs: Any) -> None:
        super().__init__(*args, owners=owners, meetings=[], **kwargs)
        del self.fields["meeting"]


class TermsForm(GuardedForm):
    """How the committee carries its formal decisions."""

    decision_rule = forms.ChoiceField(
        label="How are formal decisions carried?",
        choices=DecisionRuleChoice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how formal decisions are carried."},
    )
    quorum_per_party = forms.IntegerField(
        label="Supporting votes needed from each party",
        help_text="Only for a set number of supporting votes from each party.",
        required=False,
        min_value=1,
        max_value=parity.MAX_QUORUM,
        error_messages={
            "invalid": "Enter a whole number, like 2.",
            "min_value": f"Enter a number from 1 to {parity.MAX_QUORUM}.",
            "max_value": f"Enter a number from 1 to {parity.MAX_QUORUM}.",
        },
    )
    row_version = RowVersionField()
