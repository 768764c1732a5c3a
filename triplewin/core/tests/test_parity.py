"""Formal decisions under a committee's decision rule.

Each case enforces the guidance's call for decisions owned jointly and a shared responsibility
for the project's direction, its activities and its outcomes (NHS Confederation/ABPI guidance 2024, Key resource:
Steps to build trust): a larger party cannot outvote a smaller one unless the committee's terms
of reference chose a simple majority.
"""

from __future__ import annotations

from collections import Counter

import pytest

from triplewin.core.parity import DecisionRule, Result, default_rule, describe, tally

NHS, CO = "Trust", "Pharma"
EACH, QUORUM, MAJORITY = (
    DecisionRule.EACH_PARTY,
    DecisionRule.QUORUM_PER_PARTY,
    DecisionRule.SIMPLE_MAJORITY,
)


def _votes(**parties: dict[str, int]) -> dict[str, Counter[str]]:
    names = {"nhs": NHS, "co": CO}
    return {names[k]: Counter(v) for k, v in parties.items()}


@pytest.mark.parametrize(
    ("rule", "quorum", "votes", "result", "reason_has"),
    [
        # A simple majority lets the larger party carry a decision the smaller one opposed.
        (MAJORITY, 1, _votes(nhs={"for": 3}, co={"against": 1}), Result.CARRIED, ""),
        # Each party's agreement: the same votes are not carried, and the minutes say why.
        (
            EACH,
            1,
            _votes(nhs={"for": 3}, co={"against": 1}),
            Result.NO_PARITY,
            "Pharma did not agree (0 for, 1 against)",
        ),
        (EACH, 1, _votes(nhs={"for": 3}, co={"for": 1}), Result.CARRIED, ""),
        # A party whose members abstained gave no agreement.
        (
            EACH,
            1,
            _votes(nhs={"for": 2}, co={"abstain": 1}),
            Result.NO_PARITY,
            "no one from Pharma voted for",
        ),
        # A party with no one voting (absent or excluded for a conflict) gave no agreement.
        (EACH, 1, _votes(nhs={"for": 2}), Result.NO_PARITY, "no one from Pharma voted"),
        # Within a party, a tie is not agreement.
        (
            EACH,
            1,
            _votes(nhs={"for": 3}, co={"for": 1, "against": 1}),
            Result.NO_PARITY,
            "Pharma did not agree (1 for, 1 against)",
        ),
        # Against overall stays not carried; ties stay tied, whatever the rule.
        (EACH, 1, _votes(nhs={"against": 2}, co={"for": 1}), Result.NOT_CARRIED, ""),
        (EACH, 1, _votes(nhs={"for": 1}, co={"against": 1}), Result.TIED, ""),
        # A set number of supporting votes from each party.
        (QUORUM, 2, _votes(nhs={"for": 2}, co={"for": 2}), Result.CARRIED, ""),
        (
            QUORUM,
            2,
            _votes(nhs={"for": 3}, co={"for": 1}),
            Result.NO_PARITY,
            "Pharma gave 1 vote for, and 2 are needed",
        ),
    ],
)
def test_tally_under_each_rule(rule, quorum, votes, result, reason_has):
    outcome = tally(rule, votes, (NHS, CO), quorum)
    assert outcome.result is result
    assert reason_has in outcome.reason
    if result is Result.NO_PARITY:
        assert "not carried" in outcome.reason


@pytest.mark.parametrize(
    ("working_type", "rule"),
    [("jw", EACH), ("cw", MAJORITY), (None, MAJORITY)],
)
def test_each_partys_agreement_is_the_default_for_joint_working(working_type, rule):
    assert default_rule(working_type) is rule


def test_the_rule_is_described_plainly():
    assert "each party's agreement" in describe(EACH)
    assert "at least 2 votes for from each partner" in describe(QUORUM, 2)
    assert "simple majority" in describe(MAJORITY)
