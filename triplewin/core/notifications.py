"""How each person wants each kind of email: at once, in a digest, or not at all.

Four kinds of message reach people by email. Each person chooses, per kind, between an
immediate email, a daily or weekly digest, or nothing. Deadlines that the ABPI Code or the
NHS guidance sets (publishing the executive summary before the start, the outcomes within six
months, the yearly disclosure, the agreed progress reports) cannot be switched off: a person
may only move them into a digest, because missing one is a breach, not an inconvenience (our
choice; the Code sets the deadlines and is silent on how people are told about them). The same
holds for any message sent as a compliance reminder in another kind, such as the due date of a
yearly declaration round.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum


class Kind(StrEnum):
    DEADLINES = "deadlines"
    ACTIONS = "actions"
    APPROVALS = "approvals"
    DECLARATIONS = "declarations"


class Choice(StrEnum):
    IMMEDIATE = "immediate"
    DAILY = "daily"
    WEEKLY = "weekly"
    OFF = "off"


KIND_LABELS: dict[Kind, str] = {
    Kind.DEADLINES: "Deadlines set by the Code and the guidance",
    Kind.ACTIONS: "Actions given to you",
    Kind.APPROVALS: "Documents waiting for your approval",
    Kind.DECLARATIONS: "Declarations of interest",
}
KIND_HINTS: dict[Kind, str] = {
    Kind.DEADLINES: (
        "Reminders before the executive summary, outcomes, disclosure and progress reports "
        "fall due, and when they are overdue."
    ),
    Kind.ACTIONS: "When an action is given to you, and when it falls due.",
    Kind.APPROVALS: "When a certified document is ready for a decision you may record.",
    Kind.DECLARATIONS: "Requests to declare your interests, and yearly declaration rounds.",
}
CHOICE_LABELS: dict[Choice, str] = {
    Choice.IMMEDIATE: "An email for each message, straight away",
    Choice.DAILY: "One email a day with everything new",
    Choice.WEEKLY: "One email a week, on Mondays, with everything new",
    Choice.OFF: "No emails",
}
DEFAULT = Choice.IMMEDIATE
# The kinds whose every message is a compliance deadline.
NEVER_OFF = frozenset({Kind.DEADLINES})
NOT_OFF_MESSAGE = (
    "Deadlines set by the ABPI Code and the guidance cannot be switched off, because missing "
    "one is a breach. Choose a daily or weekly digest if you want fewer emails."
)
# The digest a compliance message goes to when its kind is switched off.
COMPLIANCE_FALLBACK = Choice.DAILY
WEEKLY_DIGEST_WEEKDAY = 0  # Monday
DIGESTS = (Choice.DAILY, Choice.WEEKLY)


def allowed(kind: Kind) -> list[Choice]:
    return [c for c in Choice if not (c is Choice.OFF and kind in NEVER_OFF)]


def refusal(kind: Kind, choice: Choice) -> str | None:
    """Why this choice may not be made for this kind, or None."""
    return NOT_OFF_MESSAGE if choice not in allowed(kind) else None


def delivery(kind: Kind, choice: Choice, *, compliance: bool) -> Choice:
    """How one message is delivered: the person's choice, unless it would lose a deadline."""
    if choice is Choice.OFF and (compliance or kind in NEVER_OFF):
        return COMPLIANCE_FALLBACK
    return choice


def period_start(frequency: Choice, day: dt.date) -> dt.date:
    """The first day of the digest period `day` falls in: the day, or the week's Monday."""
    if frequency is Choice.WEEKLY:
        return day - dt.timedelta(days=(day.weekday() - WEEKLY_DIGEST_WEEKDAY) % 7)
    return day


def digests_due(today: dt.date) -> list[Choice]:
    """The digests sent today: the daily one, and the weekly one on its weekday."""
    return [f for f in DIGESTS if f is Choice.DAILY or today.weekday() == WEEKLY_DIGEST_WEEKDAY]
