"""The email choices form: one question per kind of message."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.forms.utils import ErrorList

from triplewin.config.forms import GuardedForm
from triplewin.core import notifications as rules
from triplewin.core.notifications import Choice, Kind

CHOOSE = "Choose how you want these emails."


class EmailChoicesForm(GuardedForm):
    """A radio question for each kind given; deadlines offer no 'no emails' answer."""

    def __init__(self, *args: Any, kinds: Sequence[Kind], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kinds = list(kinds)
        for kind in self.kinds:
            self.fields[kind.value] = forms.ChoiceField(
                label=rules.KIND_LABELS[kind],
                help_text=rules.KIND_HINTS[kind],
                choices=[(c.value, rules.CHOICE_LABELS[c]) for c in rules.allowed(kind)],
                widget=forms.RadioSelect,
                error_messages={"required": CHOOSE, "invalid_choice": CHOOSE},
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for kind in self.kinds:
            # An answer the page does not offer (a hand-made post): say why, not "invalid".
            raw = self.data.get(kind.value)
            refused = raw in {c.value for c in Choice} and rules.refusal(kind, Choice(raw))
            if refused:
                self.errors[kind.value] = ErrorList([refused])
        return cleaned

    def chosen(self) -> dict[Kind, Choice]:
        return {k: Choice(self.cleaned_data[k.value]) for k in self.kinds}
