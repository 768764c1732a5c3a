"""The "Next steps" builder, and the false alarms it must not raise (issue 15, section 1)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from triplewin.core import next_steps
from triplewin.core.next_steps import Link, StepButton
from triplewin.core.rules import RULES_BY_ID, Outcome, evaluate_gate
from triplewin.core.rules.catalogue import LATE_OUTCOMES_REMEDY
from triplewin.core.rules.engine import GateReport
from triplewin.core.rules.model import PASS, Rule, RuleResult, Severity, fail
from triplewin.core.tests.test_rules import facts

STEP = StepButton("Mark PID approved", "/projects/1/steps/approve_pid/")


def link_for(rule_id: str) -> Link:
    return Link(f"/fix/{rule_id}/", f"the page for {rule_id}")


def rule(rule_id: str, severity: Severity, *, asked_at_step: bool = False) -> Rule:
    return Rule(
        rule_id,
        f"Title of {rule_id}",
        "our choice",
        severity,
        frozenset({"pid_approved"}),
        "Why it matters.",
        f"Do {rule_id}.",
        lambda f: PASS,
        asked_at_step=asked_at_step,
    )


def failing(r: Rule, detail: str = "Found a problem.", remedy: str = "") -> RuleResult:
    return RuleResult(r, Outcome.FAIL, detail, remedy)


def passing(r: Rule) -> RuleResult:
    return RuleResult(r, Outcome.PASS, "")


BLOCK_A = rule("BLOCK-A", Severity.BLOCKER)
BLOCK_B = rule("BLOCK-B", Severity.BLOCKER)
RISK_C = rule("RISK-C", Severity.RISK)
AT_STEP = rule("AT-STEP", Severity.BLOCKER, asked_at_step=True)


def test_a_blocked_step_has_no_button_and_lists_each_blocker_in_order_with_its_page():
    report = GateReport(
        "pid_approved", (failing(BLOCK_A), passing(RISK_C), failing(BLOCK_B, "Missing: x."))
    )
    built = next_steps.build(step=STEP, report=report, link_for=link_for)
    assert built.button is None
    assert built.blocked
    assert [s.rule_id for s in built.steps] == ["BLOCK-A", "BLOCK-B"]
    second = built.steps[1]
    assert second.action == "Do BLOCK-B."
    assert second.detail == "Missing: x."
    assert second.link == Link("/fix/BLOCK-B/", "the page for BLOCK-B")
    assert built.step_label == "Mark PID approved"


def test_who_must_act_is_named_from_what_the_caller_knows():
    report = GateReport("pid_approved", (failing(BLOCK_A),))
    waiting = {"BLOCK-A": "Waiting for PID version 3: approval by the governance committee of X."}
    built = next_steps.build(step=STEP, report=report, link_for=link_for, waiting_for=waiting)
    assert built.steps[0].who == waiting["BLOCK-A"]


def test_risks_follow_blockers_and_an_accepted_risk_is_not_a_step():
    report = GateReport("pid_approved", (failing(RISK_C), failing(BLOCK_A)))
    built = next_steps.build(step=STEP, report=report, link_for=link_for)
    assert [(s.rule_id, s.is_risk) for s in built.steps] == [("BLOCK-A", False), ("RISK-C", True)]
    accepted = next_steps.build(step=STEP, report=report, link_for=link_for, accepted={"RISK-C"})
    assert [s.rule_id for s in accepted.steps] == ["BLOCK-A"]


def test_a_step_with_only_risks_offers_its_button():
    report = GateReport("pid_approved", (failing(RISK_C), passing(BLOCK_A)))
    built = next_steps.build(step=STEP, report=report, link_for=link_for)
    assert built.button == STEP
    assert not built.blocked
    assert [s.rule_id for s in built.steps] == ["RISK-C"]


ONE_CLICK = StepButton("Start set-up", "/projects/1/steps/start_setup/", one_click=True)


def test_a_one_click_step_stays_one_click_only_while_nothing_needs_accepting():
    clear = GateReport("setup", (passing(BLOCK_A), passing(RISK_C)))
    built = next_steps.build(step=ONE_CLICK, report=clear, link_for=link_for)
    assert built.button == ONE_CLICK
    # A risk to accept needs a reason, typed on the step's own page: the button links there.
    risky = GateReport("setup", (passing(BLOCK_A), failing(RISK_C)))
    built = next_steps.build(step=ONE_CLICK, report=risky, link_for=link_for)
    assert built.button == dataclasses.replace(ONE_CLICK, one_click=False)
    accepted = next_steps.build(
        step=ONE_CLICK, report=risky, link_for=link_for, accepted={"RISK-C"}
    )
    assert accepted.button == ONE_CLICK
    blocked = GateReport("setup", (failing(BLOCK_A),))
    assert next_steps.build(step=ONE_CLICK, report=blocked, link_for=link_for).button is None


def test_a_rule_the_step_itself_asks_for_neither_blocks_nor_shows():
    report = GateReport("completed", (failing(AT_STEP, "Record the actual end date first."),))
    built = next_steps.build(step=STEP, report=report, link_for=link_for)
    assert built.steps == ()
    assert built.button == STEP
    # The service still refuses the step if the form did not supply it.
    assert report.failed_blockers
    assert not report.blockers_before_step


def test_an_ungated_step_and_the_exits():
    leave = StepButton("Withdraw the project", "/withdraw/")
    built = next_steps.build(step=STEP, report=None, link_for=link_for, exits=[leave])
    assert built.button == STEP
    assert built.exits == (leave,)
    closed = next_steps.build(step=None, report=None, link_for=link_for)
    assert closed.button is None
    assert closed.step_label == ""


def test_a_check_can_give_its_own_advice():
    result = failing(RISK_C, remedy="Something else.")
    assert result.remedy == "Something else."
    assert failing(RISK_C).remedy == "Do RISK-C."


# The false alarms of issue 15, each reproduced on the demo before the fix.

HEALTHY_IN_DELIVERY = facts(
    today=dt.date(2026, 12, 2),
    completed_on=None,
    ended_on=None,
    outcomes_published_on=None,
)


def test_a_healthy_project_in_delivery_is_not_blocked_by_its_missing_end_date():
    report = evaluate_gate("completed", HEALTHY_IN_DELIVERY)
    completion = next(r for r in report.results if r.rule.id == "COMPLETION-RECORDED")
    assert completion.failed  # the completion form has not asked for it yet
    assert report.blockers_before_step == ()
    built = next_steps.build(
        step=StepButton("Record completion", "/complete/"), report=report, link_for=link_for
    )
    assert "COMPLETION-RECORDED" not in [s.rule_id for s in built.steps]
    assert built.button is not None


def test_late_published_outcomes_are_not_told_to_publish_now():
    late = facts(
        today=dt.date(2026, 12, 2),
        ended_on=dt.date(2025, 8, 31),
        outcomes_published_on=dt.date(2026, 6, 1),
    )
    result = next(
        r
        for r in evaluate_gate("ongoing", late).results
        if r.rule.id == "OUTCOMES-WITHIN-SIX-MONTHS"
    )
    assert result.failed
    assert "after the 28 February 2026 deadline" in result.detail
    assert result.remedy == LATE_OUTCOMES_REMEDY
    assert not result.remedy.startswith("Publish")


def test_overdue_unpublished_outcomes_are_still_told_to_publish():
    overdue = facts(
        today=dt.date(2026, 12, 2), ended_on=dt.date(2025, 8, 31), outcomes_published_on=None
    )
    result = next(
        r
        for r in evaluate_gate("ongoing", overdue).results
        if r.rule.id == "OUTCOMES-WITHIN-SIX-MONTHS"
    )
    assert result.remedy == RULES_BY_ID["OUTCOMES-WITHIN-SIX-MONTHS"].remedy


def test_only_the_completion_rule_is_asked_at_its_step():
    # The mark is for evidence a step's own form records; anything else must be fixed first.
    assert [r.id for r in RULES_BY_ID.values() if r.asked_at_step] == ["COMPLETION-RECORDED"]


def test_failures_carry_the_checks_remedy_through_the_engine():
    custom = dataclasses.replace(
        RISK_C, check=lambda f: fail("Late.", remedy="Explain why."), gates=frozenset({"x"})
    )
    report = evaluate_gate("x", HEALTHY_IN_DELIVERY, catalogue=[custom])
    assert report.results[0].remedy == "Explain why."
