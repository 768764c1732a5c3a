"""What a rule is and what evaluating one produces."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from triplewin.core.rules.facts import ProjectFacts


class Severity(StrEnum):
    BLOCKER = "blocker"
    RISK = "risk"


class Outcome(StrEnum):
    PASS = "pass"  # noqa: S105 - an outcome, not a password
    FAIL = "fail"
    NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True)
class Check:
    outcome: Outcome
    detail: str = ""


PASS = Check(Outcome.PASS)
NOT_APPLICABLE = Check(Outcome.NOT_APPLICABLE)


def fail(detail: str) -> Check:
    return Check(Outcome.FAIL, detail)


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    source: str
    severity: Severity
    gates: frozenset[str]
    explanation: str
    remedy: str
    check: Callable[[ProjectFacts], Check]


@dataclass(frozen=True)
class RuleResult:
    rule: Rule
    outcome: Outcome
    detail: str

    @property
    def failed(self) -> bool:
        return self.outcome is Outcome.FAIL
