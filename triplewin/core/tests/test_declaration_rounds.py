"""The declaration round rules, as tables."""

from __future__ import annotations

import datetime as dt

import pytest

from triplewin.core.declaration_rounds import (
    INDIRECT_WITHHELD,
    PublicEntry,
    Reminder,
    Scope,
    Status,
    due_date_problem,
    in_scope,
    publishable,
    reminder_due,
    status,
)

D = dt.date
OPENED = D(2026, 12, 1)


@pytest.mark.parametrize(
    ("scope", "roles", "asked"),
    [
        (Scope.ALL_MEMBERS, {"team_member"}, True),
        (Scope.DECISION_MAKERS, {"team_member"}, False),
        (Scope.DECISION_MAKERS, {"team_member", "governance_member"}, True),
        (Scope.DECISION_MAKERS, {"partnership_lead"}, True),
        (Scope.DECISION_MAKERS, {"certification_signatory"}, True),
        (Scope.DECISION_MAKERS, {"system_oversight"}, True),
        (Scope.DECISION_MAKERS, {"organisation_administrator"}, True),
        (Scope.ALL_MEMBERS, set(), False),
    ],
)
def test_who_is_asked(scope, roles, asked):
    assert in_scope(scope, roles) is asked


@pytest.mark.parametrize(
    ("declared", "nil", "expected"),
    [
        ([], [], Status.OUTSTANDING),
        ([D(2026, 11, 30)], [D(2026, 1, 5)], Status.OUTSTANDING),  # last year's answers
        ([], [OPENED], Status.NIL_RETURN),
        ([OPENED], [], Status.DECLARED),
        ([D(2026, 12, 9)], [D(2026, 12, 2)], Status.DECLARED),
    ],
)
def test_where_a_person_stands(declared, nil, expected):
    assert status(opened_on=OPENED, declared_on=declared, nil_returns_on=nil) is expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2026, 12, 1), None),
        (D(2026, 12, 23), None),
        (D(2026, 12, 24), Reminder.WEEK_BEFORE),
        (D(2026, 12, 30), Reminder.WEEK_BEFORE),
        (D(2026, 12, 31), Reminder.DUE_TODAY),
        (D(2027, 1, 1), None),
    ],
)
def test_reminders_before_the_due_date(today, expected):
    assert reminder_due(due_on=D(2026, 12, 31), today=today) is expected


def test_due_date_window():
    assert due_date_problem(OPENED, OPENED + dt.timedelta(days=13)) is not None
    assert due_date_problem(OPENED, OPENED + dt.timedelta(days=14)) is None
    assert due_date_problem(OPENED, OPENED + dt.timedelta(days=92)) is None
    assert due_date_problem(OPENED, OPENED + dt.timedelta(days=93)) is not None


def _entry(category: str = "financial", ended: dt.date | None = None) -> PublicEntry:
    return PublicEntry(category, "Gifts", "A fountain pen", "Acme", D(2025, 1, 1), ended, "")


def test_what_reaches_the_public():
    today = D(2026, 12, 3)
    assert publishable(_entry(), today=today) == _entry()
    assert publishable(_entry(ended=D(2026, 6, 3)), today=today) is not None  # six months
    assert publishable(_entry(ended=D(2026, 6, 2)), today=today) is None
    shown = publishable(_entry("indirect"), today=today)
    assert shown is not None
    assert shown.description == INDIRECT_WITHHELD
    assert shown.related_to == "Acme"
