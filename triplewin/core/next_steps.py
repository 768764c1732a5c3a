"""The "Next steps" box: what unblocks the project's next step, in order, from the gate report.

Built from the same gate report that decides whether the step may be taken, so the box can
never offer a step the gate would refuse: while any blocker is unresolved there is no button,
only the actions that resolve each blocker, each linked to the page where it is done and,
where the sign-off engine knows, naming who must act. Risks come after the blockers: each
can be fixed or accepted with a reason when the step is taken.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from triplewin.core.rules.engine import GateReport
from triplewin.core.rules.model import RuleResult


@dataclass(frozen=True)
class Link:
    href: str
    text: str  # the page, as a link reads mid-sentence: "the PID"


@dataclass(frozen=True)
class NextStep:
    rule_id: str
    action: str  # what to do, from the rule (or its check)
    detail: str  # what the rule found
    link: Link | None
    who: str  # "Waiting for ...", when the sign-off engine knows; else empty
    is_risk: bool


@dataclass(frozen=True)
class StepButton:
    label: str
    href: str
    # Taken by posting straight to `href` from the box (a step that asks for nothing); the
    # post carries the state the person saw, so a project that moved on meanwhile is refused.
    one_click: bool = False
    expected_state: str = ""


@dataclass(frozen=True)
class NextSteps:
    step_label: str  # the step these lead to: "Mark PID approved"; empty when none
    steps: tuple[NextStep, ...]
    # Offered only when nothing blocks the step; None while anything does.
    button: StepButton | None
    # Ways out of the project (withdraw, terminate), offered whatever the gate says.
    exits: tuple[StepButton, ...] = ()

    @property
    def blocked(self) -> bool:
        return any(not s.is_risk for s in self.steps)


def _step(
    result: RuleResult, link_for: Callable[[str], Link | None], waiting_for: Mapping[str, str]
) -> NextStep:
    rule = result.rule
    return NextStep(
        rule_id=rule.id,
        action=result.remedy,
        detail=result.detail,
        link=link_for(rule.id),
        who=waiting_for.get(rule.id, ""),
        is_risk=not result.blocks_before_step,
    )


def build(
    *,
    step: StepButton | None,
    report: GateReport | None,
    link_for: Callable[[str], Link | None],
    accepted: Iterable[str] = (),
    waiting_for: Mapping[str, str] | None = None,
    exits: Iterable[StepButton] = (),
) -> NextSteps:
    """The next steps towards `step`, whose gate produced `report` (None for an ungated step).

    `waiting_for` maps a rule's id to who must act on it, in plain words; `link_for` gives the
    page where a rule is fixed. Blockers come first, in the catalogue's order (roughly the
    order the work is done), then the risks not yet accepted.
    """
    waiting = waiting_for or {}
    steps: list[NextStep] = []
    if report is not None:
        blockers = report.blockers_before_step
        risks = report.unaccepted_risks(accepted)
        steps = [_step(r, link_for, waiting) for r in (*blockers, *risks)]
    blocked = any(not s.is_risk for s in steps)
    button = None if blocked else step
    if button is not None and steps:
        # A risk to accept needs a reason, written on the step's own page.
        button = replace(button, one_click=False)
    return NextSteps(
        step_label=step.label if step else "",
        steps=tuple(steps),
        button=button,
        exits=tuple(exits),
    )
