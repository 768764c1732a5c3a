"""The partnership lifecycle as an explicit transition table.

Three stages of the guidance, ten working states and two exits. Each transition names the
gate whose rules must pass before it may happen. The table is data: buttons, status bars and
the history page are all driven from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class State(StrEnum):
    IDEA = "idea"
    SCOPING = "scoping"
    CONCEPT_APPROVED = "concept_approved"
    SETUP = "setup"
    PID_APPROVED = "pid_approved"
    AGREEMENT_SIGNED = "agreement_signed"
    SUMMARY_PUBLISHED = "summary_published"
    IN_DELIVERY = "in_delivery"
    COMPLETED = "completed"
    OUTCOMES_PUBLISHED = "outcomes_published"
    WITHDRAWN = "withdrawn"
    TERMINATED = "terminated"


class Stage(StrEnum):
    SCOPING = "Stage 1: identification and scoping"
    SETUP = "Stage 2: set-up and governance"
    DELIVERY = "Stage 3: delivery and outcomes"
    CLOSED = "Closed"


@dataclass(frozen=True)
class StateInfo:
    label: str
    stage: Stage
    description: str
    tag_colour: str


STATES: dict[State, StateInfo] = {
    State.IDEA: StateInfo("Idea", Stage.SCOPING, "An idea has been recorded.", "grey"),
    State.SCOPING: StateInfo(
        "Scoping",
        Stage.SCOPING,
        "Partners are answering the scoping guide, the checklist and the concept framework.",
        "blue",
    ),
    State.CONCEPT_APPROVED: StateInfo(
        "Concept approved", Stage.SCOPING, "Every partner has approved the concept.", "aqua-green"
    ),
    State.SETUP: StateInfo(
        "Set-up", Stage.SETUP, "The team, governance and PID are being prepared.", "blue"
    ),
    State.PID_APPROVED: StateInfo(
        "PID approved",
        Stage.SETUP,
        "The PID is certified and approved by all parties.",
        "aqua-green",
    ),
    State.AGREEMENT_SIGNED: StateInfo(
        "Agreement signed", Stage.SETUP, "Every party has signed the agreement.", "aqua-green"
    ),
    State.SUMMARY_PUBLISHED: StateInfo(
        "Summary published",
        Stage.SETUP,
        "The executive summary is public; delivery may begin.",
        "green",
    ),
    State.IN_DELIVERY: StateInfo(
        "In delivery", Stage.DELIVERY, "The project is being delivered and monitored.", "purple"
    ),
    State.COMPLETED: StateInfo(
        "Completed",
        Stage.DELIVERY,
        "Delivery has ended; outcomes are due within six months.",
        "orange",
    ),
    State.OUTCOMES_PUBLISHED: StateInfo(
        "Outcomes published", Stage.DELIVERY, "The outcomes summary is public.", "green"
    ),
    State.WITHDRAWN: StateInfo(
        "Withdrawn", Stage.CLOSED, "The partners stopped before delivery began.", "grey"
    ),
    State.TERMINATED: StateInfo(
        "Terminated",
        Stage.CLOSED,
        "Delivery was stopped early under the exit strategy; the outcomes (closure) summary is "
        "still due within six months.",
        "red",
    ),
}

TERMINAL_STATES = frozenset({State.OUTCOMES_PUBLISHED, State.WITHDRAWN, State.TERMINATED})

# States whose executive summary is, by construction, public.
PUBLIC_STATES = frozenset(
    {
        State.SUMMARY_PUBLISHED,
        State.IN_DELIVERY,
        State.COMPLETED,
        State.OUTCOMES_PUBLISHED,
        State.TERMINATED,
    }
)


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    source: State
    target: State
    gate: str | None
    needs_reason: bool = False
    # Some transitions happen only as the side effect of a service (the last partner's
    # approval, say) and are never offered as a button.
    manual: bool = True
    # A step that asks for nothing (no reason, no date) can be taken from the project page's
    # "Next steps" box in one submission, once nothing blocks it and no risk needs accepting.
    one_click: bool = False


def _withdrawals() -> list[Transition]:
    before_delivery = [
        State.IDEA,
        State.SCOPING,
        State.CONCEPT_APPROVED,
        State.SETUP,
        State.PID_APPROVED,
        State.AGREEMENT_SIGNED,
        State.SUMMARY_PUBLISHED,
    ]
    return [
        Transition(
            f"withdraw_from_{s.value}", "Withdraw the project", s, State.WITHDRAWN, None, True
        )
        for s in before_delivery
    ]


TRANSITIONS: tuple[Transition, ...] = (
    Transition("start_scoping", "Start scoping", State.IDEA, State.SCOPING, None, one_click=True),
    Transition(
        "approve_concept",
        "Record concept approval",
        State.SCOPING,
        State.CONCEPT_APPROVED,
        "concept_approved",
        manual=False,
    ),
    Transition(
        "start_setup",
        "Start set-up",
        State.CONCEPT_APPROVED,
        State.SETUP,
        "setup",
        one_click=True,
    ),
    Transition("approve_pid", "Mark PID approved", State.SETUP, State.PID_APPROVED, "pid_approved"),
    Transition(
        "sign_agreement",
        "Mark agreement signed",
        State.PID_APPROVED,
        State.AGREEMENT_SIGNED,
        "agreement_signed",
    ),
    Transition(
        "publish_summary",
        "Mark summary published",
        State.AGREEMENT_SIGNED,
        State.SUMMARY_PUBLISHED,
        "summary_published",
    ),
    Transition(
        "start_delivery",
        "Start delivery",
        State.SUMMARY_PUBLISHED,
        State.IN_DELIVERY,
        "in_delivery",
    ),
    Transition("complete", "Record completion", State.IN_DELIVERY, State.COMPLETED, "completed"),
    Transition(
        "publish_outcomes",
        "Mark outcomes published",
        State.COMPLETED,
        State.OUTCOMES_PUBLISHED,
        "outcomes_published",
    ),
    Transition(
        "terminate",
        "Terminate the project",
        State.IN_DELIVERY,
        State.TERMINATED,
        None,
        needs_reason=True,
    ),
    # The guidance asks for outcomes whatever happened: a project stopped early publishes an
    # outcomes (closure) summary too. Only the outcomes service takes this step.
    Transition(
        "publish_outcomes_after_termination",
        "Publish the outcomes summary",
        State.TERMINATED,
        State.OUTCOMES_PUBLISHED,
        "outcomes_published",
        manual=False,
    ),
    *_withdrawals(),
)

TRANSITIONS_BY_NAME: dict[str, Transition] = {t.name: t for t in TRANSITIONS}


class IllegalTransition(Exception):
    def __init__(self, source: State, name: str) -> None:
        super().__init__(
            f"A project that is '{STATES[source].label}' cannot take the step '{name}'."
        )


def transitions_from(state: State) -> list[Transition]:
    return [t for t in TRANSITIONS if t.source == state]


def find_transition(state: State, name: str) -> Transition:
    transition = TRANSITIONS_BY_NAME.get(name)
    if transition is None or transition.source != state:
        raise IllegalTransition(state, name)
    return transition


def main_path() -> list[State]:
    """The happy path in order, for progress bars."""
    return [
        State.IDEA,
        State.SCOPING,
        State.CONCEPT_APPROVED,
        State.SETUP,
        State.PID_APPROVED,
        State.AGREEMENT_SIGNED,
        State.SUMMARY_PUBLISHED,
        State.IN_DELIVERY,
        State.COMPLETED,
        State.OUTCOMES_PUBLISHED,
    ]
