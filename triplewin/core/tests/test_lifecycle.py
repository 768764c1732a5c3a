"""The lifecycle transition table: shape, reachability and lookups."""

from __future__ import annotations

import itertools

import pytest

from triplewin.core.lifecycle import (
    PUBLIC_STATES,
    STATES,
    TERMINAL_STATES,
    TRANSITIONS,
    TRANSITIONS_BY_NAME,
    IllegalTransition,
    State,
    find_transition,
    main_path,
    transitions_from,
)
from triplewin.core.rules.catalogue import GATES

PRE_DELIVERY = (
    State.IDEA,
    State.SCOPING,
    State.CONCEPT_APPROVED,
    State.SETUP,
    State.PID_APPROVED,
    State.AGREEMENT_SIGNED,
    State.SUMMARY_PUBLISHED,
)

EXPECTED_TRANSITIONS = [
    (State.IDEA, "start_scoping", State.SCOPING),
    (State.SCOPING, "approve_concept", State.CONCEPT_APPROVED),
    (State.CONCEPT_APPROVED, "start_setup", State.SETUP),
    (State.SETUP, "approve_pid", State.PID_APPROVED),
    (State.PID_APPROVED, "sign_agreement", State.AGREEMENT_SIGNED),
    (State.AGREEMENT_SIGNED, "publish_summary", State.SUMMARY_PUBLISHED),
    (State.SUMMARY_PUBLISHED, "start_delivery", State.IN_DELIVERY),
    (State.IN_DELIVERY, "complete", State.COMPLETED),
    (State.COMPLETED, "publish_outcomes", State.OUTCOMES_PUBLISHED),
    (State.IN_DELIVERY, "terminate", State.TERMINATED),
    (State.TERMINATED, "publish_outcomes_after_termination", State.OUTCOMES_PUBLISHED),
    *[(s, f"withdraw_from_{s.value}", State.WITHDRAWN) for s in PRE_DELIVERY],
]


@pytest.mark.parametrize(("source", "name", "target"), EXPECTED_TRANSITIONS)
def test_expected_transition(source: State, name: str, target: State) -> None:
    transition = find_transition(source, name)
    assert transition.source == source
    assert transition.target == target
    assert transition in transitions_from(source)


def test_table_has_no_transitions_beyond_expectations() -> None:
    actual = {(t.source, t.name, t.target) for t in TRANSITIONS}
    assert actual == set(EXPECTED_TRANSITIONS)


def test_transition_names_are_unique() -> None:
    assert len(TRANSITIONS_BY_NAME) == len(TRANSITIONS)


def test_every_state_has_info() -> None:
    assert set(STATES) == set(State)


def test_every_state_reachable_from_idea() -> None:
    seen = {State.IDEA}
    frontier = [State.IDEA]
    while frontier:
        state = frontier.pop()
        for transition in transitions_from(state):
            if transition.target not in seen:
                seen.add(transition.target)
                frontier.append(transition.target)
    assert seen == set(State)


@pytest.mark.parametrize("state", sorted(TERMINAL_STATES))
def test_terminal_states_offer_no_manual_step(state: State) -> None:
    assert [t for t in transitions_from(state) if t.manual] == []


def test_a_terminated_project_moves_on_only_by_publishing_its_outcomes() -> None:
    # Guidance, stage 3 "Reporting on the project outcomes": outcomes are published whatever
    # happened, so an early end still leads to a published outcomes (closure) summary.
    (step,) = transitions_from(State.TERMINATED)
    assert (step.target, step.gate, step.manual) == (
        State.OUTCOMES_PUBLISHED,
        "outcomes_published",
        False,
    )
    assert transitions_from(State.OUTCOMES_PUBLISHED) == []


@pytest.mark.parametrize("state", [s for s in State if s not in TERMINAL_STATES])
def test_non_terminal_states_have_a_way_out(state: State) -> None:
    assert transitions_from(state)


@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda t: t.name)
def test_every_gate_is_known_to_the_catalogue_or_none(transition) -> None:
    assert transition.gate is None or transition.gate in GATES


@pytest.mark.parametrize("state", PRE_DELIVERY)
def test_withdrawal_possible_before_delivery(state: State) -> None:
    targets = {t.target: t for t in transitions_from(state)}
    assert State.WITHDRAWN in targets
    assert targets[State.WITHDRAWN].needs_reason


@pytest.mark.parametrize("state", [State.IN_DELIVERY, State.COMPLETED])
def test_no_withdrawal_once_delivery_has_begun(state: State) -> None:
    assert State.WITHDRAWN not in {t.target for t in transitions_from(state)}


def test_terminate_only_from_in_delivery() -> None:
    sources = {t.source for t in TRANSITIONS if t.target == State.TERMINATED}
    assert sources == {State.IN_DELIVERY}
    assert find_transition(State.IN_DELIVERY, "terminate").needs_reason


@pytest.mark.parametrize(
    ("state", "name"),
    [
        (State.IDEA, "approve_concept"),
        (State.SCOPING, "start_scoping"),
        (State.SUMMARY_PUBLISHED, "terminate"),
        (State.COMPLETED, "terminate"),
        (State.IN_DELIVERY, "withdraw_from_summary_published"),
        (State.OUTCOMES_PUBLISHED, "publish_outcomes"),
        (State.WITHDRAWN, "start_scoping"),
        (State.IDEA, "no_such_step"),
    ],
)
def test_find_transition_rejects_wrong_source(state: State, name: str) -> None:
    with pytest.raises(IllegalTransition, match=STATES[state].label):
        find_transition(state, name)


def test_illegal_transition_message_names_the_step() -> None:
    with pytest.raises(IllegalTransition, match="'terminate'"):
        find_transition(State.IDEA, "terminate")


def test_approve_concept_is_not_manual() -> None:
    assert not TRANSITIONS_BY_NAME["approve_concept"].manual
    automatic = {"approve_concept", "publish_outcomes_after_termination"}
    assert all(t.manual for t in TRANSITIONS if t.name not in automatic)


def test_main_path_follows_the_table() -> None:
    path = main_path()
    assert path[0] == State.IDEA
    assert path[-1] == State.OUTCOMES_PUBLISHED
    for here, there in itertools.pairwise(path):
        assert there in {t.target for t in transitions_from(here)}


def test_public_states_are_exactly_those_after_summary_publication() -> None:
    path = main_path()
    after = set(path[path.index(State.SUMMARY_PUBLISHED) :])
    assert after | {State.TERMINATED} == PUBLIC_STATES
