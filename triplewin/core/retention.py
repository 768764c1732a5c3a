"""The retention policy: how long personal data no longer needed is kept (ADR 0041).

Plain Python: the rules, their default periods and the reading of an operator's overrides.
The retention app applies them to the database.

Each rule names what it removes or anonymises, when its clock starts and why the period is
what it is. The sources the product is built from say nothing about how long any of this
should be kept, so every period below is our choice, made to be changed by configuration:
`RETENTION_<RULE>_DAYS` in the environment, one whole number of days of at least one.

What the policy never touches is as much a part of it as what it removes: the legal record of
a partnership stays whole (see LEGAL_RECORDS).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from triplewin.core.dates import add_days


class Action(StrEnum):
    REMOVE = "remove"
    ANONYMISE = "anonymise"


@dataclass(frozen=True)
class Rule:
    key: str
    # What the rule acts on, as an operator would say it.
    subject: str
    action: Action
    # When the period starts counting.
    clock: str
    days: int
    why: str

    @property
    def setting(self) -> str:
        return f"RETENTION_{self.key.upper()}_DAYS"

    def cutoff(self, today: dt.date) -> dt.date:
        """Records whose clock started before this day are past their period."""
        return add_days(today, -self.days)


SURVEY_COMMENTS = "survey_comments"
LEAVER_DECLARATIONS = "leaver_declarations"
CLOSED_INVITATIONS = "closed_invitations"
REJECTED_JOIN_REQUESTS = "rejected_join_requests"
SENT_NOTICES = "sent_notices"
OLD_SESSIONS = "old_sessions"
API_IDEMPOTENCY = "api_idempotency"

DEFAULTS: tuple[Rule, ...] = (
    Rule(
        SURVEY_COMMENTS,
        "free-text answers to a partner or wider survey",
        Action.ANONYMISE,
        "the day the survey closed",
        730,
        "In a small team a written comment can point to the person who wrote it. The "
        "scores keep the learning and stay; the comments go after two years, long enough for "
        "the lessons review and the library entry to draw on them.",
    ),
    Rule(
        LEAVER_DECLARATIONS,
        "declarations of interest, nil returns and register confirmations of a person who "
        "has left every organisation",
        Action.REMOVE,
        "the day the person left their last organisation",
        6 * 365 + 1,
        "NHS England's guidance on managing conflicts of interest asks organisations to keep "
        "declarations for six years after they lapse; we read a leaver's declarations as lapsing "
        "when they leave. A declaration that a project's conflict record refers to stays with "
        "that record.",
    ),
    Rule(
        CLOSED_INVITATIONS,
        "invitations to join an organisation that were never taken up",
        Action.REMOVE,
        "the day the invitation expired or was withdrawn",
        90,
        "An unused invitation holds only an email address; the audit trail keeps that it was "
        "sent and by whom.",
    ),
    Rule(
        REJECTED_JOIN_REQUESTS,
        "rejected requests from new organisations to join",
        Action.REMOVE,
        "the day the request was rejected",
        365,
        "A rejected request holds the requester's name and email address; a year lets an "
        "administrator answer a question about it.",
    ),
    Rule(
        SENT_NOTICES,
        "copies of messages already sent in an email digest",
        Action.REMOVE,
        "the day the message was queued",
        180,
        "The email has gone; the record that each digest was sent stays, so none is sent twice.",
    ),
    Rule(
        OLD_SESSIONS,
        "sign-in sessions with their network address and browser",
        Action.REMOVE,
        "the last time the session was used",
        90,
        "Long enough to look into an unexpected sign-in; a session unused for that long has ended.",
    ),
    Rule(
        API_IDEMPOTENCY,
        "stored answers to API writes sent with an Idempotency-Key",
        Action.REMOVE,
        "the day the write was made",
        30,
        "A partner's system resends a failed write within minutes or days, not months.",
    ),
)

# Records the policy never changes, however old: the legal record of a partnership.
LEGAL_RECORDS: tuple[str, ...] = (
    "certified and frozen documents",
    "sign-off acts: certifications, approvals, signatures and publications",
    "signed agreements",
    "the audit trail",
    "transfers of value and Disclosure UK figures",
    "a project's conflict-of-interest records, with the declarations they refer to",
)


class PolicyError(ValueError):
    """An override that cannot be a retention period."""


def policy(overrides: Mapping[str, str] | None = None) -> tuple[Rule, ...]:
    """The rules, with any `RETENTION_<RULE>_DAYS` overrides applied.

    A malformed override is refused with a message naming it, rather than silently keeping
    data for a period nobody chose.
    """
    overrides = overrides or {}
    rules = []
    for rule in DEFAULTS:
        raw = (overrides.get(rule.setting) or "").strip()
        if raw == "":
            rules.append(rule)
            continue
        if not raw.isdigit() or int(raw) < 1:
            raise PolicyError(
                f"{rule.setting}={raw!r} is not a retention period: give a whole number of "
                "days, at least 1."
            )
        rules.append(replace(rule, days=int(raw)))
    return tuple(rules)


def rule(rules: tuple[Rule, ...], key: str) -> Rule:
    return next(r for r in rules if r.key == key)
