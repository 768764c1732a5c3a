"""Display logic for a person's register of interests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from django.contrib.auth.models import User
from django.utils import timezone

from triplewin.conflicts.models import Declaration, NilReturn, RegisterConfirmation
from triplewin.conflicts.selectors import current_until
from triplewin.core import conflicts as policy
from triplewin.core.dates import long_date


@dataclass(frozen=True)
class DeclarationRow:
    pk: int
    interest_type: str
    category: str
    related_to: str
    description: str
    action_taken: str
    period: str
    declared_on: dt.date
    in_force: bool


@dataclass(frozen=True)
class Statement:
    kind: str
    made_on: dt.date


def person_name(user: User) -> str:
    return user.get_full_name() or user.get_username()


class RegisterPresenter:
    def __init__(self, person: User, today: dt.date) -> None:
        self.person = person
        self.today = today
        self.name = person_name(person)
        self.due = current_until([person.pk], today).get(person.pk)
        self._rows = [self._row(d) for d in Declaration.objects.of(person.pk)]

    def _row(self, d: Declaration) -> DeclarationRow:
        period = f"From {long_date(d.valid_from)}"
        if d.valid_to:
            period += f" to {long_date(d.valid_to)}"
        return DeclarationRow(
            pk=d.pk,
            interest_type=d.get_interest_type_display(),
            category=d.get_category_display(),
            related_to=d.related_to,
            description=d.description,
            action_taken=d.action_taken,
            period=period,
            declared_on=timezone.localdate(d.declared_at),
            in_force=policy.in_force(d.valid_from, d.valid_to, self.today),
        )

    @property
    def status_tag(self) -> dict[str, str]:
        if self.due is not None:
            return {"text": "Up to date", "classes": "nhsuk-tag--green"}
        if self._rows or self.statements:
            return {"text": "Refresh overdue", "classes": "nhsuk-tag--red"}
        return {"text": "No declaration yet", "classes": "nhsuk-tag--grey"}

    @property
    def status_text(self) -> str:
        if self.due is not None:
            last = self.due - dt.timedelta(days=1)
            return f"The register counts as current until {long_date(last)}; refresh it by then."
        return (
            "There is no declaration, nil return or confirmation from the last twelve months, "
            "so this person cannot join a project team until the register is refreshed."
        )

    @cached_property
    def in_force(self) -> list[DeclarationRow]:
        return [r for r in self._rows if r.in_force]

    @cached_property
    def other(self) -> list[DeclarationRow]:
        return [r for r in self._rows if not r.in_force]

    @property
    def can_make_nil_return(self) -> bool:
        return not self.in_force

    @cached_property
    def statements(self) -> list[Statement]:
        found = [
            Statement("Nil return", timezone.localdate(n.declared_at))
            for n in NilReturn.objects.filter(user=self.person)
        ] + [
            Statement("Register confirmed", timezone.localdate(c.declared_at))
            for c in RegisterConfirmation.objects.filter(user=self.person)
        ]
        return sorted(found, key=lambda s: s.made_on, reverse=True)
