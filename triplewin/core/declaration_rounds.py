"""Yearly declaration rounds and the public register of decision makers' interests.

The seeds point NHS organisations and their project teams to NHS England's conflicts of
interest guidance (guidance 000, on project team membership; King's Fund 001, on the NHS
side's duties). That guidance, in our words: staff declare their interests, or that they
have none, at least once a year; an organisation publishes the interests of its
decision-making staff at least once a year; and, in exceptional cases where publishing could
put someone at real risk of harm, their entry may be kept off the public copy while staying on
the internal one. What it leaves open is marked "our choice" below.

Nothing here queries anything: the Django side gives the dates and roles it read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from triplewin.core.dates import add_months


class Scope(StrEnum):
    ALL_MEMBERS = "all_members"
    DECISION_MAKERS = "decision_makers"


class Status(StrEnum):
    DECLARED = "declared"
    NIL_RETURN = "nil_return"
    OUTSTANDING = "outstanding"


class Reminder(StrEnum):
    OPENED = "opened"
    WEEK_BEFORE = "week_before"
    DUE_TODAY = "due_today"


STATUS_LABELS = {
    Status.DECLARED: "Declared",
    Status.NIL_RETURN: "Nil return",
    Status.OUTSTANDING: "Outstanding",
}
SCOPE_LABELS = {
    Scope.ALL_MEMBERS: "Everyone with a membership of the organisation",
    Scope.DECISION_MAKERS: "Decision makers only",
}

# Who counts as decision-making staff: the roles that decide, certify, oversee or run the
# organisation here. Team members work on projects but decide nothing (our choice, mapping
# the guidance's decision-making staff onto the product's roles).
DECISION_MAKING_ROLES = frozenset(
    {
        "partnership_lead",
        "governance_member",
        "certification_signatory",
        "system_oversight",
        "administrator",
        "organisation_administrator",
    }
)
# A round gives people at least two weeks, and at most a quarter (our choice).
MIN_DAYS_TO_DUE = 14
MAX_DAYS_TO_DUE = 92
# Reminders: a week before the due date, and on it (our choice, like the action reminders).
WEEK = 7
# Interests that ended this long before the register is read stay off the public copy (our
# choice: the guidance keeps lapsed interests on the internal record for years, but the
# public copy is about who may be influenced now).
PUBLIC_LAPSED_MONTHS = 6


def in_scope(scope: Scope, roles: Iterable[str]) -> bool:
    """Whether a person holding these roles at the organisation is asked in the round."""
    held = set(roles)
    if not held:
        return False
    return scope is Scope.ALL_MEMBERS or bool(held & DECISION_MAKING_ROLES)


def is_decision_maker(roles: Iterable[str]) -> bool:
    return bool(set(roles) & DECISION_MAKING_ROLES)


def due_date_problem(opens_on: dt.date, due_on: dt.date) -> str | None:
    days = (due_on - opens_on).days
    if days < MIN_DAYS_TO_DUE:
        return f"Give people at least {MIN_DAYS_TO_DUE} days: choose a due date after that."
    if days > MAX_DAYS_TO_DUE:
        return "Choose a due date within three months of today, so the round stays yearly."
    return None


def status(
    *, opened_on: dt.date, declared_on: Iterable[dt.date], nil_returns_on: Iterable[dt.date]
) -> Status:
    """Where a person stands in a round opened on `opened_on`.

    Declaring an interest or confirming the register since the round opened is "declared"; a
    nil return since then is "nil return"; anything older belongs to last year's round.
    A later declaration outranks an earlier nil return (our choice: it is the fuller answer).
    """
    if any(day >= opened_on for day in declared_on):
        return Status.DECLARED
    if any(day >= opened_on for day in nil_returns_on):
        return Status.NIL_RETURN
    return Status.OUTSTANDING


def reminder_due(*, due_on: dt.date, today: dt.date) -> Reminder | None:
    """The reminder an outstanding person gets today, if any; each is sent once."""
    days = (due_on - today).days
    if days == 0:
        return Reminder.DUE_TODAY
    if 0 < days <= WEEK:
        return Reminder.WEEK_BEFORE
    return None


@dataclass(frozen=True)
class PublicEntry:
    """One interest as the public register may show it."""

    category: str
    interest_type: str
    description: str
    related_to: str
    valid_from: dt.date
    valid_to: dt.date | None
    action_taken: str


INDIRECT = "indirect"
INDIRECT_WITHHELD = (
    "Details withheld: this interest is held through a family member or someone close, "
    "who has not agreed to be named."
)


def publishable(entry: PublicEntry, *, today: dt.date) -> PublicEntry | None:
    """The entry as published, or None if it stays off the public copy.

    - an interest that ended more than six months ago is left off (our choice, see above);
    - an interest held through someone close keeps its type and organisation, but not its
      description, which would describe a person who is not staff (our choice).
    """
    if entry.valid_to is not None and add_months(entry.valid_to, PUBLIC_LAPSED_MONTHS) < today:
        return None
    if entry.category == INDIRECT:
        return PublicEntry(
            category=entry.category,
            interest_type=entry.interest_type,
            description=INDIRECT_WITHHELD,
            related_to=entry.related_to,
            valid_from=entry.valid_from,
            valid_to=entry.valid_to,
            action_taken=entry.action_taken,
        )
    return entry
