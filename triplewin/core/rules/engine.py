"""Evaluate the rules for a gate and summarise what stands in the way."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from triplewin.core.rules.catalogue import CATALOGUE
from triplewin.core.rules.facts import ProjectFacts
from triplewin.core.rules.model import Rule, RuleResult, Severity


@dataclass(frozen=True)
class GateReport:
    gate: str
    results: tuple[RuleResult, ...]
    # The project the facts came from, when the Django side evaluated it, so pages can link
    # each rule to where it is fixed. The rules never read it.
    project_id: int | None = None

    @property
    def failed_blockers(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.results if r.failed and r.rule.severity is Severity.BLOCKER)

    @property
    def blockers_before_step(self) -> tuple[RuleResult, ...]:
        """The failing blockers to fix before taking the step; its own form answers the rest."""
        return tuple(r for r in self.results if r.blocks_before_step)

    @property
    def failed_risks(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.results if r.failed and r.rule.severity is Severity.RISK)

    def unaccepted_risks(self, accepted: Iterable[str]) -> tuple[RuleResult, ...]:
        accepted_ids = set(accepted)
        return tuple(r for r in self.failed_risks if r.rule.id not in accepted_ids)

    def may_pass(self, accepted_risks: Iterable[str] = ()) -> bool:
        """Blockers can never be overridden; every failing risk must be accepted."""
        return not self.failed_blockers and not self.unaccepted_risks(accepted_risks)


def evaluate_gate(
    gate: str, facts: ProjectFacts, catalogue: Iterable[Rule] = CATALOGUE
) -> GateReport:
    results = []
    for rule in catalogue:
        if gate in rule.gates:
            check = rule.check(facts)
            results.append(RuleResult(rule, check.outcome, check.detail, check.remedy))
    return GateReport(gate, tuple(results))
