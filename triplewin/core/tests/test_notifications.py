"""The notification rules, pinned as tables: what each choice allows and how a message goes."""

from __future__ import annotations

import datetime as dt

import pytest

from triplewin.core.notifications import (
    NOT_OFF_MESSAGE,
    Choice,
    Kind,
    allowed,
    delivery,
    digests_due,
    period_start,
    refusal,
)

C = Choice
K = Kind


@pytest.mark.parametrize(
    ("kind", "choices"),
    [
        (K.DEADLINES, [C.IMMEDIATE, C.DAILY, C.WEEKLY]),
        (K.ACTIONS, [C.IMMEDIATE, C.DAILY, C.WEEKLY, C.OFF]),
        (K.APPROVALS, [C.IMMEDIATE, C.DAILY, C.WEEKLY, C.OFF]),
        (K.DECLARATIONS, [C.IMMEDIATE, C.DAILY, C.WEEKLY, C.OFF]),
    ],
)
def test_only_deadlines_cannot_be_switched_off(kind, choices):
    assert allowed(kind) == choices


def test_refusal_says_why_in_plain_words():
    assert refusal(K.DEADLINES, C.OFF) == NOT_OFF_MESSAGE
    assert "cannot be switched off" in NOT_OFF_MESSAGE
    assert refusal(K.DEADLINES, C.WEEKLY) is None
    assert refusal(K.ACTIONS, C.OFF) is None


@pytest.mark.parametrize(
    ("kind", "choice", "compliance", "expected"),
    [
        (K.ACTIONS, C.OFF, False, C.OFF),
        (K.ACTIONS, C.OFF, True, C.DAILY),
        (K.DECLARATIONS, C.OFF, True, C.DAILY),
        (K.DECLARATIONS, C.WEEKLY, True, C.WEEKLY),
        # A choice stored before the rule, or written around the service, still loses nothing.
        (K.DEADLINES, C.OFF, False, C.DAILY),
        (K.DEADLINES, C.IMMEDIATE, True, C.IMMEDIATE),
        (K.APPROVALS, C.DAILY, False, C.DAILY),
    ],
)
def test_delivery(kind, choice, compliance, expected):
    assert delivery(kind, choice, compliance=compliance) is expected


@pytest.mark.parametrize(
    ("frequency", "day", "start"),
    [
        (C.DAILY, dt.date(2026, 12, 3), dt.date(2026, 12, 3)),
        (C.WEEKLY, dt.date(2026, 12, 3), dt.date(2026, 11, 30)),  # a Thursday: that Monday
        (C.WEEKLY, dt.date(2026, 11, 30), dt.date(2026, 11, 30)),
        (C.WEEKLY, dt.date(2026, 12, 6), dt.date(2026, 11, 30)),  # Sunday ends the week
    ],
)
def test_period_start(frequency, day, start):
    assert period_start(frequency, day) == start


def test_weekly_digest_goes_on_mondays_only():
    assert digests_due(dt.date(2026, 11, 30)) == [C.DAILY, C.WEEKLY]
    assert digests_due(dt.date(2026, 12, 1)) == [C.DAILY]
