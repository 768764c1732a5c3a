"""The rules catalogue explained in plain English, for a public page anyone can read.

Generated from the catalogue itself, so the page can never drift from the rules the product
enforces. Each rule is listed once, under the first point in the lifecycle where it is
checked, with every point where it is checked named.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from triplewin.core.lifecycle import STATES, State
from triplewin.core.rules.catalogue import CATALOGUE
from triplewin.core.rules.model import Rule, Severity

ONGOING = "ongoing"
GATE_ORDER: tuple[str, ...] = (*(s.value for s in State), ONGOING)

SEVERITY_LABELS = {
    Severity.BLOCKER: "Must pass: the project cannot move on until it does",
    Severity.RISK: "Risk: the partners must fix it or accept it with a recorded reason",
}


def gate_label(gate: str) -> str:
    if gate == ONGOING:
        return "Throughout the project"
    return f"Before the project becomes '{STATES[State(gate)].label}'"


def _order(gate: str) -> int:
    return GATE_ORDER.index(gate) if gate in GATE_ORDER else len(GATE_ORDER)


@dataclass(frozen=True)
class ExplainedRule:
    id: str
    title: str
    explanation: str
    remedy: str
    source: str
    severity: str
    is_blocker: bool
    checked_at: tuple[str, ...]


@dataclass(frozen=True)
class GateGroup:
    gate: str
    heading: str
    rules: tuple[ExplainedRule, ...]


def explain(rule: Rule) -> ExplainedRule:
    gates = sorted(rule.gates, key=_order)
    return ExplainedRule(
        id=rule.id,
        title=rule.title,
        explanation=rule.explanation,
        remedy=rule.remedy,
        source=rule.source,
        severity=SEVERITY_LABELS[rule.severity],
        is_blocker=rule.severity is Severity.BLOCKER,
        checked_at=tuple(gate_label(g) for g in gates),
    )


def grouped(catalogue: Iterable[Rule] = CATALOGUE) -> tuple[GateGroup, ...]:
    """The rules by the first gate that checks them, in lifecycle order; blockers first."""
    by_gate: dict[str, list[Rule]] = {}
    for rule in catalogue:
        first = min(rule.gates, key=_order)
        by_gate.setdefault(first, []).append(rule)
    return tuple(
        GateGroup(
            gate,
            gate_label(gate),
            tuple(
                explain(r)
                for r in sorted(
                    by_gate[gate], key=lambda r: (r.severity is not Severity.BLOCKER, r.title)
                )
            ),
        )
        for gate in sorted(by_gate, key=_order)
    )
