"""Forms built from the plain-Python question catalogues."""

from __future__ import annotations

from typing import Any

from django import forms

from triplewin.config.forms import GuardedForm
from triplewin.core import checklist, scoping_guide
from triplewin.scoping.services import MAX_ANSWER
from triplewin.submissions.versions import RowVersionField


class ScopingSectionForm(GuardedForm):
    row_version = RowVersionField()

    def __init__(
        self, *args: Any, section: scoping_guide.Section, medicines: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for question in scoping_guide.applicable(section.questions, medicines=medicines):
            self.fields[question.id] = forms.CharField(
                label=question.text,
                help_text=question.hint,
                required=False,
                max_length=MAX_ANSWER,
                widget=forms.Textarea(attrs={"rows": 4}),
                error_messages={"max_length": f"Keep this answer under {MAX_ANSWER} characters."},
            )

    def answers(self) -> dict[str, str]:
        return {k: v for k, v in self.cleaned_data.items() if k != "row_version"}


_APPLIES_NOTE = {
    checklist.Applies.JW_ONLY: "Joint working only. ",
    checklist.Applies.CW_ONLY: "Collaborative working only. ",
    checklist.Applies.BOTH: "",
}


def _choices(question: checklist.Question) -> list[tuple[str, str]]:
    choices = [(checklist.Answer.YES.value, "Yes"), (checklist.Answer.NO.value, "No")]
    if question.allows_not_applicable:
        choices.append((checklist.Answer.NOT_APPLICABLE.value, "No treatment is involved"))
    return choices


class ChecklistForm(GuardedForm):
    row_version = RowVersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in checklist.QUESTIONS:
            self.fields[question.id] = forms.ChoiceField(
                label=question.text,
                help_text=_APPLIES_NOTE[question.applies] + question.why,
                choices=_choices(question),
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": "Choose one of the answers shown."},
            )

    def red_fields(self) -> list[forms.BoundField]:
        return [self[q.id] for q in checklist.QUESTIONS if q.colour is checklist.Colour.RED]

    def amber_fields(self) -> list[forms.BoundField]:
        return [self[q.id] for q in checklist.AMBER]

    def answers(self) -> dict[str, str]:
        return {k: v for k, v in self.cleaned_data.items() if k != "row_version" and v}
