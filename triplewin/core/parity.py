"""How a committee's formal decisions are carried: by headcount, or with every party agreeing.

The guidance asks partners to build trust by owning decisions jointly and sharing responsibility
for the project's direction, its activities and its outcomes (NHS Confederation/ABPI guidance 2024,
Key resource: Steps to build trust, "Process and organisation"). A simple headcount lets the
party with more people on the committee outvote the other, so a committee's terms of reference
can require each party's agreement, or a set number of supporting votes from each party.

Plain Python: the meetings app hands in the votes grouped by the party each voter represents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from triplewin.core.wording import counted

JOINT_OWNERSHIP_SOURCE = (
    "NHS Confederation/ABPI guidance (2024), Key resource: Steps to build trust "
    "(joint ownership of decisions and collective responsibility)"
)


class DecisionRule(StrEnum):
    EACH_PARTY = "each_party"
    QUORUM_PER_PARTY = "quorum_per_party"
    SIMPLE_MAJORITY = "simple_majority"


RULE_LABELS: dict[DecisionRule, str] = {
    DecisionRule.EACH_PARTY: "Each party's agreement",
    DecisionRule.QUORUM_PER_PARTY: "A set number of supporting votes from each party",
    DecisionRule.SIMPLE_MAJORITY: "Simple majority of the votes cast",
}

# The most supporting votes a committee may ask of each party: the product's own bound, to keep
# a typing slip (50 for 5) from making every decision impossible.
MAX_QUORUM = 12


def default_rule(working_type: str | None) -> DecisionRule:
    """Joint working needs each party's agreement unless its terms of reference say otherwise.

    Collaborative working keeps the headcount it always had until the committee chooses; the
    product recommends each party's agreement for both (see ADR 0019).
    """
    return DecisionRule.EACH_PARTY if working_type == "jw" else DecisionRule.SIMPLE_MAJORITY


def describe(rule: DecisionRule, quorum: int = 1) -> str:
    """The rule in one sentence, as the decision page and the minutes show it."""
    if rule is DecisionRule.EACH_PARTY:
        return (
            "Formal decisions need each party's agreement: within every partner's members who "
            "vote, more must vote for than against."
        )
    if rule is DecisionRule.QUORUM_PER_PARTY:
        return (
            f"Formal decisions need at least {counted(quorum, 'vote')} for from each partner's "
            "members, and more for than against within every partner."
        )
    return (
        "Formal decisions are carried by a simple majority of the votes cast; abstentions do "
        "not count either way."
    )


class Result(StrEnum):
    CARRIED = "carried"
    NOT_CARRIED = "not_carried"
    TIED = "tied"
    NO_PARITY = "no_parity"


@dataclass(frozen=True)
class Tally:
    result: Result
    # Why a decision was not carried under a parity rule, in words for the minutes.
    reason: str = ""


def _headcount(choices: Counter[str]) -> Result:
    cast_for, against = choices["for"], choices["against"]
    if cast_for > against:
        return Result.CARRIED
    if against > cast_for:
        return Result.NOT_CARRIED
    return Result.TIED


def tally(
    rule: DecisionRule,
    votes: Mapping[str, Counter[str]],
    parties: Sequence[str],
    quorum: int = 1,
) -> Tally:
    """The outcome of a closed vote.

    `votes` maps each party's name to the choices its members made ("for", "against",
    "abstain"); `parties` names every partner on the project, so a party that cast no vote is
    noticed. Under a parity rule the overall count still decides when it is against; a
    decision the majority supports is carried only if every party supports it too.
    """
    overall: Counter[str] = Counter()
    for choices in votes.values():
        overall.update(choices)
    headcount = _headcount(overall)
    if rule is DecisionRule.SIMPLE_MAJORITY or headcount is not Result.CARRIED:
        return Tally(headcount)
    needed = quorum if rule is DecisionRule.QUORUM_PER_PARTY else 1
    short = []
    for party in parties:
        choices = votes.get(party, Counter())
        cast_for, against = choices["for"], choices["against"]
        if not sum(choices.values()):
            short.append(f"no one from {party} voted")
        elif needed > 1 and cast_for < needed:
            short.append(f"{party} gave {counted(cast_for, 'vote')} for, and {needed} are needed")
        elif against >= cast_for and against:
            short.append(f"{party} did not agree ({cast_for} for, {against} against)")
        elif not cast_for:
            short.append(f"no one from {party} voted for")
    if not short:
        return Tally(Result.CARRIED)
    return Tally(
        Result.NO_PARITY,
        "More votes were cast for than against, but the terms of reference need every party "
        "to agree, and " + "; ".join(short) + ". The decision is not carried; the partners "
        "can discuss it again and put it to a new vote.",
    )
