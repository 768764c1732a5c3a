"""Forms for the after-action review, the partner survey and the principles self-assessment."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from triplewin.config.date_input import DateField
from triplewin.config.forms import GuardedForm, GuardedModelForm
from triplewin.core import principles, surveys
from triplewin.learning.models import PRINCIPLE_CHOICES, ReviewEntry
from triplewin.learning.services.review import REVIEW_FIELDS
from triplewin.submissions.versions import RowVersionField

TEXT_LIMIT = 4000


class ConfirmForm(GuardedForm):
    """A button press: sending or closing the survey, removing an entry."""


class ReviewEntryForm(GuardedModelForm[ReviewEntry]):
    row_version = RowVersionField()

    class Meta:
        model = ReviewEntry
        fields = REVIEW_FIELDS
        help_texts = {
            "planned": "What the PID or the plan said would happen.",
            "happened": "What really happened, with numbers where you have them.",
            "why": "The reasons for any difference, good or bad.",
            "sustain": "What worked and should be kept, here or in the next project.",
            "improve": "What should change next time.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and isinstance(field.widget, forms.Textarea):
                field.max_length = TEXT_LIMIT
                field.widget.attrs["rows"] = 3
                field.error_messages["max_length"] = f"Keep this under {TEXT_LIMIT} characters."
        required = {
            "topic": "Name the topic.",
            "planned": "Say what was planned.",
            "happened": "Say what happened.",
            "why": "Say why it turned out that way.",
        }
        for name, message in required.items():
            self.fields[name].error_messages["required"] = message
        principle = self.fields["principle"]
        assert isinstance(principle, forms.ChoiceField)
        principle.choices = [("", "None in particular"), *PRINCIPLE_CHOICES]

    def entry_fields(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in REVIEW_FIELDS}


def agreement_field(question: surveys.Question) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=question.text,
        choices=[(str(k), v) for k, v in surveys.AGREEMENT_SCALE.items()],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how far you agree.",
            "invalid_choice": "Choose one of the answers listed.",
        },
    )


class SurveyForm(GuardedForm):
    """The partners' questions, or, given a wider group's, that group's shorter set."""

    def __init__(
        self, *args: Any, questions: tuple[surveys.Question, ...] = surveys.QUESTIONS, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for q in questions:
            if q.kind is surveys.Kind.AGREEMENT:
                self.fields[q.id] = agreement_field(q)
            else:
                self.fields[q.id] = forms.CharField(
                    label=f"{q.text} (optional)",
                    required=False,
                    max_length=surveys.TEXT_LIMIT,
                    widget=forms.Textarea(attrs={"rows": 4}),
                    error_messages={
                        "max_length": f"Keep this under {surveys.TEXT_LIMIT} characters."
                    },
                )

    def answers(self) -> dict[str, int | str]:
        return {q.id: self.cleaned_data.get(q.id) or "" for q in self.questions}


class SurveyLinkForm(GuardedForm):
    group = forms.ChoiceField(
        label="Who is the link for?",
        choices=[(g.value, surveys.GROUP_LABELS[g]) for g in surveys.WIDER_GROUPS],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose who the link is for.",
            "invalid_choice": "Choose one of the groups listed.",
        },
    )


class AssessmentForm(GuardedForm):
    assessed_on = DateField(
        label="Date of the assessment",
        error_messages={
            "required": "Enter the date of the assessment.",
            "invalid": "Enter a real date, for example 2026-03-31.",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("assessed_on", timezone.localdate())
        for p in principles.PRINCIPLES:
            self.fields[f"score_{p.slug}"] = forms.TypedChoiceField(
                label=f"Score for principle {p.number}",
                choices=[(str(k), f"{k}: {v}") for k, v in principles.SCALE.items()],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Score principle {p.number}, from 1 to 5.",
                    "invalid_choice": "Choose a score from 1 to 5.",
                },
            )
            self.fields[f"comment_{p.slug}"] = forms.CharField(
                label=f"Comment on principle {p.number} (optional)",
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text="What makes you give this score, and what would raise it.",
                error_messages={"max_length": "Keep this under 2000 characters."},
            )

    def scores(self) -> dict[str, int]:
        return {p.slug: self.cleaned_data[f"score_{p.slug}"] for p in principles.PRINCIPLES}

    def comments(self) -> dict[str, str]:
        return {
            p.slug: self.cleaned_data.get(f"comment_{p.slug}") or "" for p in principles.PRINCIPLES
        }
