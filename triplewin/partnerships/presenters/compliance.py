"""Display logic for gate reports: the compliance panel and the blocked-step page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from triplewin.core.lifecycle import STATES, State, transitions_from
from triplewin.core.next_steps import Link
from triplewin.core.rules import GateReport, Outcome, RuleResult, Severity, evaluate_gate
from triplewin.core.rules.facts import ProjectFacts
from triplewin.partnerships.presenters.fixes import fix_link

GATE_LABELS = {
    "scoping": "Start scoping",
    "concept_approved": "Concept approval",
    "setup": "Start set-up",
    "pid_approved": "PID approval",
    "agreement_signed": "Agreement signed",
    "summary_published": "Summary published",
    "in_delivery": "Start of delivery",
    "completed": "Completion",
    "outcomes_published": "Outcomes published",
    "terminated": "Termination",
    "ongoing": "Duties that apply throughout",
}


@dataclass(frozen=True)
class RuleRow:
    id: str
    title: str
    source: str
    status: str
    tag_colour: str
    css: str
    detail: str
    explanation: str
    remedy: str
    is_open_risk: bool
    # The page where the rule is fixed; None only when the report has no project.
    fix: Link | None = None


ASKED_AT_STEP = "Asked at this step"


def rule_row(
    result: RuleResult, accepted: Iterable[str] = (), project_id: int | None = None
) -> RuleRow:
    rule = result.rule
    if result.outcome is Outcome.PASS:
        status, colour, css = "Passes", "green", "tw-rule--pass"
    elif result.outcome is Outcome.NOT_APPLICABLE:
        status, colour, css = "Does not apply", "grey", "tw-rule--na"
    elif rule.asked_at_step:
        # Not a problem before the step: the step's own form asks for it.
        status, colour, css = ASKED_AT_STEP, "grey", "tw-rule--na"
    elif rule.severity is Severity.BLOCKER:
        status, colour, css = "Blocks", "red", "tw-rule--fail-blocker"
    elif rule.id in set(accepted):
        status, colour, css = "Risk accepted", "yellow", "tw-rule--fail-risk"
    else:
        status, colour, css = "Risk", "orange", "tw-rule--fail-risk"
    open_risk = result.failed and rule.severity is Severity.RISK and rule.id not in set(accepted)
    return RuleRow(
        rule.id,
        rule.title,
        rule.source,
        status,
        colour,
        css,
        "" if status == ASKED_AT_STEP else result.detail,
        rule.explanation,
        result.remedy,
        open_risk,
        fix_link(rule.id, project_id),
    )


@dataclass(frozen=True)
class GatePanel:
    gate: str
    label: str
    rows: tuple[RuleRow, ...]
    blocker_count: int
    open_risk_count: int

    @property
    def failing(self) -> tuple[RuleRow, ...]:
        return tuple(r for r in self.rows if r.status in ("Blocks", "Risk", "Risk accepted"))

    @property
    def passing(self) -> tuple[RuleRow, ...]:
        return tuple(
            r for r in self.rows if r.status in ("Passes", "Does not apply", ASKED_AT_STEP)
        )

    @property
    def summary(self) -> str:
        if self.blocker_count:
            return f"{self.blocker_count} blocking rule{'s' if self.blocker_count != 1 else ''} to resolve"
        if self.open_risk_count:
            return f"No blockers; {self.open_risk_count} risk{'s' if self.open_risk_count != 1 else ''} to accept or address"
        return "Every rule passes"


def gate_panel(report: GateReport, accepted: Iterable[str] = ()) -> GatePanel:
    accepted_set = set(accepted)
    rows = tuple(rule_row(r, accepted_set, report.project_id) for r in report.results)
    order = {
        "Blocks": 0,
        "Risk": 1,
        "Risk accepted": 2,
        "Passes": 3,
        ASKED_AT_STEP: 4,
        "Does not apply": 5,
    }
    rows = tuple(sorted(rows, key=lambda r: order[r.status]))
    return GatePanel(
        report.gate,
        GATE_LABELS.get(report.gate, report.gate),
        rows,
        len(report.blockers_before_step),
        len(report.unaccepted_risks(accepted_set)),
    )


# Ways out of a project, rather than steps along its path.
EXITS = frozenset({State.WITHDRAWN, State.TERMINATED})


def next_gate(state: State) -> str | None:
    for transition in transitions_from(state):
        if transition.target not in EXITS and transition.gate:
            return transition.gate
    return None


def evaluate_for(project_id: int | None, gate: str, facts: ProjectFacts) -> GateReport:
    """The gate's report, knowing which project it is about so its rules can link."""
    return replace(evaluate_gate(gate, facts), project_id=project_id)


def compliance_panels(
    state: State,
    facts: ProjectFacts,
    accepted_by_gate: dict[str, set[str]],
    project_id: int | None = None,
) -> list[GatePanel]:
    panels = []
    gate = next_gate(state)
    if gate:
        panels.append(
            gate_panel(evaluate_for(project_id, gate, facts), accepted_by_gate.get(gate, set()))
        )
    ongoing = evaluate_for(project_id, "ongoing", facts)
    if any(r.outcome is not Outcome.NOT_APPLICABLE for r in ongoing.results):
        panels.append(gate_panel(ongoing, accepted_by_gate.get("ongoing", set())))
    return panels


def state_label(state: str) -> str:
    return STATES[State(state)].label
