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
    # What to do about this particular failure, when it differs from the rule's own remedy
    # (a deadline already missed cannot be met "now"). Empty means the rule's remedy.
    remedy: str = ""


PASS = Check(Outcome.PASS)
NOT_APPLICABLE = Check(Outcome.NOT_APPLICABLE)


def fail(detail: str, remedy: str = "") -> Check:
    return Check(Outcome.FAIL, detail, remedy)


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
    # The step's own form records this rule's evidence (the completion form asks for the end
    # date), so before the step is taken a failure is not something to fix first: the pages
    # say it is asked at the step, and only the service, which checks after recording it,
    # treats it as a blocker.
    asked_at_step: bool = False


@dataclass(frozen=True)
class RuleResult:
    rule: Rule
    outcome: Outcome
    detail: str
    remedy_override: str = ""

    @property
    def failed(self) -> bool:
        return self.outcome is Outcome.FAIL

    @property
    def remedy(self) -> str:
        """What to do about this result: the check's own advice, else the rule's."""
        return self.remedy_override or self.rule.remedy

    @property
    def blocks_before_step(self) -> bool:
        """A failing blocker someone must fix before the step can be taken."""
        return (
            self.failed and self.rule.severity is Severity.BLOCKER and not self.rule.asked_at_step
        )
