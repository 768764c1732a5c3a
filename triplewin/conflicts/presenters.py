"""Display logic for a person's register of interests, and for conflicts in a project."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from triplewin.conflicts.access import management_capacity
from triplewin.conflicts.decisions import assess_decision, management_text
from triplewin.conflicts.models import (
    ConflictManagement,
    Declaration,
    NilReturn,
    RegisterConfirmation,
)
from triplewin.conflicts.selectors import (
    current_until,
    describe,
    project_scope,
    touching_by_user,
)
from triplewin.core import conflicts as policy
from triplewin.core.dates import long_date
from triplewin.organisations.models import Membership
from triplewin.partnerships.models import Project


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


@dataclass(frozen=True)
class Option:
    text: str
    href: str = ""


@dataclass(frozen=True)
class DecisionNotice:
    """What a decision page says, before anyone submits, about the person's conflicts."""

    blocked: bool
    heading: str
    text: str
    options: tuple[Option, ...] = ()


def decision_notice(user: Any, project: Project, decision: str) -> DecisionNotice | None:
    """The warning (or the note of a managed conflict) for a decision page; None when clear."""
    if not user.is_authenticated:
        return None
    check = assess_decision(person=user, project=project, decision=decision)
    conflicts_page = reverse("conflicts:project", args=[project.pk])
    if check.standing is policy.Standing.CLEAR:
        return None
    if check.standing is policy.Standing.MANAGED:
        return DecisionNotice(
            blocked=False,
            heading="Your conflict of interest is managed",
            text=" / ".join(management_text(m) for m in check.managements)
            + " Your decision will be recorded with this arrangement.",
        )
    if check.standing is policy.Standing.NOT_CURRENT:
        return DecisionNotice(
            blocked=True,
            heading="Update your declarations first",
            text=check.message(),
            options=(Option("Update My declarations", reverse("conflicts:register")),),
        )
    return DecisionNotice(
        blocked=True,
        heading="You have a conflict of interest",
        text=check.message(),
        options=(
            Option(
                "Ask the chair of the project team, or the named lead of another partner, to "
                "record how the conflict is managed",
                conflicts_page,
            ),
            Option("Or step aside, and let someone else with authority take this decision"),
        ),
    )


@dataclass(frozen=True)
class InterestRow:
    declaration_pk: int
    text: str
    grounds: str
    managed: tuple[str, ...]


@dataclass(frozen=True)
class PersonRow:
    pk: int
    name: str
    works_for: str
    interests: tuple[InterestRow, ...]
    can_manage: bool


@dataclass(frozen=True)
class ManagementRow:
    person: str
    text: str
    recorded_on: dt.date


class ProjectConflictsPresenter:
    """Everyone at a partner whose declared interests touch the project, and how each is managed."""

    def __init__(self, project: Project, viewer: Any, today: dt.date) -> None:
        self.project = project
        self.viewer = viewer
        self.today = today
        self.scope = project_scope(project)

    @property
    def products(self) -> tuple[str, ...]:
        return self.scope.products

    @cached_property
    def _managements(self) -> list[ConflictManagement]:
        return list(
            ConflictManagement.objects.filter(project=self.project)
            .select_related("person")
            .order_by("recorded_at", "id")
        )

    @cached_property
    def people(self) -> list[PersonRow]:
        places: dict[int, tuple[User, list[str]]] = {}
        for m in Membership.objects.filter(
            organisation_id__in=list(self.scope.organisations)
        ).select_related("user", "organisation"):
            _, where = places.setdefault(m.user_id, (m.user, []))
            if m.organisation.name not in where:
                where.append(m.organisation.name)
        touching = touching_by_user(places, self.scope, self.today)
        latest: dict[tuple[int, str], ConflictManagement] = {}
        for record in self._managements:
            latest[(record.declaration_id, record.decision)] = record
        rows = []
        for user_id, pairs in touching.items():
            user, where = places[user_id]
            interests = tuple(
                InterestRow(
                    d.pk,
                    describe(d),
                    finding.grounds,
                    tuple(
                        management_text(m)
                        for (declaration_id, _), m in latest.items()
                        if declaration_id == d.pk
                    ),
                )
                for d, finding in pairs
            )
            rows.append(
                PersonRow(
                    user_id,
                    person_name(user),
                    ", ".join(where),
                    interests,
                    management_capacity(self.viewer, self.project, user) is not None,
                )
            )
        return sorted(rows, key=lambda r: r.name)

    @property
    def records(self) -> list[ManagementRow]:
        return [
            ManagementRow(
                person_name(m.person), management_text(m), timezone.localdate(m.recorded_at)
            )
            for m in reversed(self._managements)
        ]
