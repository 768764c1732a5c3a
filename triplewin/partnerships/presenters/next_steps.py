"""The project page's "Next steps" box, built from the next step's gate report.

Who must act comes from the sign-off engine (`signoff.selectors.current`) and from the facts
the rules read; nothing here judges sign-off again.
"""

from __future__ import annotations

from collections.abc import Mapping

from triplewin.core import next_steps
from triplewin.core.lifecycle import Transition, transitions_from
from triplewin.core.rules import GateReport, ProjectFacts
from triplewin.partnerships.models import Project
from triplewin.partnerships.presenters.compliance import EXITS, evaluate_for
from triplewin.partnerships.presenters.fixes import fix_link, step_href

# Each document whose sign-off the rules check: the rule for its certification, the rule for
# its approvals, and how it is named.
SIGNED_OFF: tuple[tuple[str, str, str, str], ...] = (
    ("pid", "PID-CERTIFIED", "PID-APPROVED", "PID"),
    ("outcomes", "", "OUTCOMES-PUBLISHED", "the outcomes summary"),
)


def main_step(project: Project) -> Transition | None:
    """The step forward on the main path from the project's state, offered or automatic."""
    return next((t for t in transitions_from(project.state_enum) if t.target not in EXITS), None)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _and(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _sign_off_waiting(project: Project, failing: set[str]) -> dict[str, str]:
    # Imported here: the sign-off app builds on partnerships.
    from triplewin.signoff.selectors import current

    waiting: dict[str, str] = {}
    for document, certify_rule, approve_rule, noun in SIGNED_OFF:
        if not failing & {certify_rule, approve_rule}:
            continue
        now = current(project, document, document)
        if now is None:
            continue
        version = f"{noun} version {now.version.number}" if now.version.number else noun
        certify = [o for o in now.state.outstanding if o.startswith("Certification")]
        approve = [o for o in now.state.outstanding if not o.startswith("Certification")]
        if certify_rule and certify:
            waiting[certify_rule] = f"Waiting for {version}: {_lower_first(certify[0])}."
        if approve:
            who = "; ".join(_lower_first(o) for o in approve)
            waiting[approve_rule] = f"Waiting for {version}: {who}."
    return waiting


def waiting_for(project: Project, facts: ProjectFacts, report: GateReport) -> dict[str, str]:
    """Who must act on each failing rule, where the records say."""
    failing = {r.rule.id for r in report.results if r.failed}
    waiting: dict[str, str] = {}
    if "CONCEPT-APPROVED-BY-ALL" in failing and facts.concept_pending_partners:
        waiting["CONCEPT-APPROVED-BY-ALL"] = (
            f"Waiting for the approval of {_and(facts.concept_pending_partners)}."
        )
    if "AGREEMENT-SIGNED-BY-ALL" in failing and facts.agreement_unsigned_parties:
        waiting["AGREEMENT-SIGNED-BY-ALL"] = (
            f"Waiting for the signature of {_and(facts.agreement_unsigned_parties)}."
        )
    waiting.update(_sign_off_waiting(project, failing))
    return waiting


def project_next_steps(
    project: Project, facts: ProjectFacts, accepted_by_gate: Mapping[str, set[str]]
) -> next_steps.NextSteps:
    pk = project.pk
    exits = [
        next_steps.StepButton(t.label, step_href(pk, t.name))
        for t in transitions_from(project.state_enum)
        if t.target in EXITS and t.manual
    ]
    step = main_step(project)
    if step is None:
        return next_steps.build(step=None, report=None, link_for=_no_link, exits=exits)
    report = evaluate_for(pk, step.gate, facts) if step.gate else None
    return next_steps.build(
        step=next_steps.StepButton(
            step.label,
            step_href(pk, step.name),
            one_click=step.one_click,
            expected_state=project.state,
        ),
        report=report,
        link_for=lambda rule_id: fix_link(rule_id, pk),
        accepted=accepted_by_gate.get(step.gate or "", set()),
        waiting_for=waiting_for(project, facts, report) if report else {},
        exits=exits,
    )


def _no_link(rule_id: str) -> next_steps.Link | None:
    return None
