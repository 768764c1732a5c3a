"""The public explanation of the rules is generated from the catalogue itself."""

from __future__ import annotations

from triplewin.core.rules import CATALOGUE
from triplewin.core.rules.explained import GATE_ORDER, gate_label, grouped


def test_every_rule_is_listed_once_under_its_first_gate() -> None:
    groups = grouped()
    listed = [r.id for g in groups for r in g.rules]
    assert sorted(listed) == sorted(r.id for r in CATALOGUE)
    order = [GATE_ORDER.index(g.gate) for g in groups]
    assert order == sorted(order)
    for g in groups:
        blockers = [r.is_blocker for r in g.rules]
        assert blockers == sorted(blockers, reverse=True)


def test_gate_labels_are_plain_english() -> None:
    assert gate_label("concept_approved") == "Before the project becomes 'Concept approved'"
    assert gate_label("ongoing") == "Throughout the project"


def test_team_size_is_explained_as_our_own_choice() -> None:
    rule = next(r for g in grouped() for r in g.rules if r.id == "TEAM-RIGHT-SIZED")
    assert "Risk" in rule.severity
    assert "our own choice" in rule.source
