"""What changing the type of partnership by amendment would mean, said before it is submitted.

The guidance sets the two types apart (NHS Confederation/ABPI guidance 2024, "Collaborative
and joint-working approaches: a comparison": joint working must benefit patients directly and
measure their outcomes, and is defined as a partnership with the NHS; collaborative working may
benefit the NHS instead). It does not say what happens when a project changes type after
approval. Our choice: the checks of the stages the project has already passed are run again
with the new type, and each check that passes now but would then fail is named, so the
approvers see what their earlier approvals rested on. Nothing is blocked here: the amendment's
own certification and approvals are the decision.
"""

from __future__ import annotations

from dataclasses import replace

from triplewin.amendments.fields import type_label, type_value
from triplewin.core import parity
from triplewin.core.lifecycle import State, main_path
from triplewin.core.rules import evaluate_gate
from triplewin.meetings.selectors import committee_rule
from triplewin.partnerships.facts import build_facts
from triplewin.partnerships.models import Project

COMPARISON_SOURCE = (
    "NHS Confederation/ABPI guidance (2024), "
    "'Collaborative and joint-working approaches: a comparison'"
)
# The gates whose approvals an amendment can find already given, in the order they are passed.
PASSED_GATES = (
    State.CONCEPT_APPROVED,
    State.PID_APPROVED,
    State.AGREEMENT_SIGNED,
    State.IN_DELIVERY,
)
AGREEMENT_STATES = frozenset({State.AGREEMENT_SIGNED, State.SUMMARY_PUBLISHED, State.IN_DELIVERY})


def _passed(project: Project) -> list[State]:
    path = main_path()
    state = project.state_enum
    if state not in path:
        return []
    reached = path.index(state)
    return [g for g in PASSED_GATES if g in path and path.index(g) <= reached]


def type_change_notes(project: Project, after: str) -> list[str]:
    """Plain-English notes on changing the project's type to `after` (a value or its label)."""
    new = type_value(after)
    old = project.intended_type or ""
    if new is None or new == old:
        return []
    new_label = type_label(new).lower()
    old_label = type_label(old).lower() if old else "no type"
    notes = [
        f"The project would change from {old_label} to {new_label}. The two types follow "
        "different rules: joint working must benefit patients directly, measure outcomes for "
        "patients and include an NHS organisation; collaborative working may benefit the NHS "
        "instead. The approvals given so far were given for "
        f"{old_label}."
    ]
    facts = build_facts(project)
    changed = replace(facts, intended_type=new)
    broken: dict[str, str] = {}
    for gate in _passed(project):
        now = evaluate_gate(gate.value, facts)
        passing = {r.rule.id for r in now.results if not r.failed}
        then = evaluate_gate(gate.value, changed)
        for result in then.failed_blockers:
            if result.rule.id in passing:
                broken.setdefault(result.rule.id, f"{result.rule.title}: {result.detail}")
    if broken:
        notes.append(
            f"As {new_label}, these checks the project passed at earlier stages would no longer "
            "pass, so those stage approvals would rest on a type the project no longer has. Fix "
            "them first, or say in the amendment's reason why the approvers should accept it: "
            + "; ".join(broken.values())
            + "."
        )
    else:
        notes.append(
            f"Every check the project passed at earlier stages still passes as {new_label}."
        )
    rule = committee_rule(project)
    new_rule = parity.default_rule(new)
    if rule.is_default and new_rule is not rule.rule:
        notes.append(
            "The project has no terms of reference of its own, so its decisions would then "
            f"follow the default for {new_label}. {parity.describe(new_rule)} Record terms of "
            "reference if the partners want another rule."
        )
    if project.state_enum in AGREEMENT_STATES:
        notes.append(
            f"The signed agreement is for {old_label}. Tick 'The signed agreement must change "
            "too' and say so, so that a variation agreement records the new type."
        )
    return notes
