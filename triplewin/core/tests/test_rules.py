"""The rules catalogue, each rule's check, and gate reports."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pathlib
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triplewin.core import checklist
from triplewin.core.rules import (
    CATALOGUE,
    RULES_BY_ID,
    GateReport,
    Outcome,
    PartnerFact,
    ProjectFacts,
    Rule,
    RuleResult,
    Severity,
    evaluate_gate,
)
from triplewin.core.rules.catalogue import GATES
from triplewin.core.rules.model import PASS, fail
from triplewin.core.tests.governance_cases import GOVERNANCE_CASES
from triplewin.core.tests.publication_cases import PUBLICATION_CASES
from triplewin.core.tests.test_safeguard_rules import SAFEGUARD_CASES

NHS = PartnerFact("Northfield NHS Trust", "nhs", is_legal_entity=True)
PHARMA = PartnerFact("Acme Pharma", "industry", is_legal_entity=True, is_pharmaceutical=True)
MEDTECH = PartnerFact("Widget Devices", "industry", is_legal_entity=True)
CHARITY = PartnerFact("Heart Charity", "other", is_legal_entity=True)
PCN = PartnerFact("Riverside PCN", "nhs", is_legal_entity=False)
INDEPENDENT = PartnerFact("Northway Clinics Ltd", "other", is_legal_entity=True, is_healthcare=True)

ALL_YES = {q.id: "yes" for q in checklist.QUESTIONS}

# A project at which every rule in the catalogue passes or does not apply.
GOOD = ProjectFacts(
    today=dt.date(2026, 1, 15),
    partners=(NHS, PHARMA),
    intended_type="jw",
    checklist_answers=ALL_YES,
    scoping_missing=(),
    scoping_started=True,
    scoping_started_on=dt.date(2024, 9, 2),
    concept_start_quarter=(2025, 1),
    concept_missing=(),
    concept_pending_partners=(),
    team_sales_members=(),
    team_undeclared_members=(),
    team_size=6,
    partners_not_on_team=(),
    parties_without_governance_committee=(),
    plans_missing=(),
    pid_missing_sections=(),
    agreement_missing_clauses=(),
    summary_certified=True,
    parties_without_significant_contribution=(),
    funded_posts_without_exit=(),
    pid_certified=True,
    pid_approved=True,
    agreement_unsigned_parties=(),
    summary_published_on=dt.date(2025, 3, 1),
    planned_start=dt.date(2025, 3, 1),
    actual_start=dt.date(2025, 3, 10),
    completed_on=dt.date(2025, 8, 31),
    ended_on=dt.date(2025, 8, 31),
    outcomes_published_on=dt.date(2025, 12, 1),
    sustainability_missing=(),
    company_committees_missing_seats=(),
)


def answers(**overrides: str | None) -> dict[str, str]:
    result = dict(ALL_YES)
    for key, value in overrides.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = value
    return result


def facts(**overrides: Any) -> ProjectFacts:
    return dataclasses.replace(GOOD, **overrides)


def rule_id(prefix: str, question_id: str) -> str:
    return f"{prefix}-{question_id.upper().replace('_', '-')}"


ROOT = pathlib.Path(__file__).resolve().parents[3]

F, P, NA = Outcome.FAIL, Outcome.PASS, Outcome.NOT_APPLICABLE

# (rule id, overrides to GOOD, expected outcome, text expected in the detail)
CORE_CASES: list[tuple[str, dict[str, Any], Outcome, str]] = [
    ("PARTIES-PRESENT", {}, P, ""),
    ("PARTIES-PRESENT", {"partners": (NHS,)}, F, "no pharmaceutical company"),
    ("PARTIES-PRESENT", {"partners": (PHARMA, MEDTECH)}, F, "no NHS"),
    ("PARTIES-PRESENT", {"partners": ()}, F, "no pharmaceutical company and no NHS"),
    ("PARTIES-PRESENT", {"partners": (PHARMA, INDEPENDENT), "intended_type": "cw"}, P, ""),
    ("PARTIES-PRESENT", {"partners": (PHARMA, CHARITY)}, F, "no NHS or other healthcare"),
    ("JW-NHS-PARTY", {"partners": (PHARMA, INDEPENDENT)}, F, "no NHS organisation"),
    # Guidance comparison table: joint working benefits patients directly, so it measures
    # patient outcomes; collaborative working may measure NHS outcomes instead.
    ("JW-PATIENT-OUTCOMES", {}, P, ""),
    ("JW-PATIENT-OUTCOMES", {"intended_type": "cw"}, NA, ""),
    (
        "JW-PATIENT-OUTCOMES",
        {"checklist_answers": answers(patient_outcomes_measured="no")},
        F,
        "patient outcomes will not be measured",
    ),
    (
        "JW-PATIENT-OUTCOMES",
        {"checklist_answers": answers(patient_outcomes_measured=None)},
        F,
        "Not answered",
    ),
    (
        "JW-PATIENT-OUTCOMES",
        {"intended_type": "cw", "checklist_answers": answers(patient_outcomes_measured="no")},
        NA,
        "",
    ),
    ("PROSPECTIVE-BY-DATES", {}, P, ""),
    ("PROSPECTIVE-BY-DATES", {"scoping_started_on": None}, NA, ""),
    (
        "PROSPECTIVE-BY-DATES",
        {"planned_start": dt.date(2024, 6, 1), "actual_start": None},
        F,
        "the planned start, 1 June 2024 is earlier",
    ),
    (
        "PROSPECTIVE-BY-DATES",
        {"actual_start": dt.date(2024, 9, 1)},
        F,
        "the actual start, 1 September 2024",
    ),
    # The quarter holding the day scoping began is not "before" it; the one before is.
    ("PROSPECTIVE-BY-DATES", {"concept_start_quarter": (2024, 3)}, P, ""),
    (
        "PROSPECTIVE-BY-DATES",
        {"concept_start_quarter": (2024, 2)},
        F,
        "quarter 2 of 2024",
    ),
    # Even with the checklist's "prospective" answered yes, the dates still raise the flag.
    (
        "PROSPECTIVE-BY-DATES",
        {
            "planned_start": dt.date(2023, 1, 1),
            "concept_start_quarter": (2023, 1),
            "checklist_answers": answers(prospective="yes"),
        },
        F,
        "and the concept's anticipated start, quarter 1 of 2023 are earlier",
    ),
    ("JW-NHS-PARTY", {}, P, ""),
    ("JW-NHS-PARTY", {"partners": (PHARMA, CHARITY)}, F, "no NHS organisation"),
    ("JW-NHS-PARTY", {"intended_type": "cw", "partners": (PHARMA, CHARITY)}, NA, ""),
    ("JW-NHS-PARTY", {"intended_type": None}, NA, ""),
    ("CHECKLIST-COMPLETE", {}, P, ""),
    ("CHECKLIST-COMPLETE", {"checklist_answers": answers(prospective="no")}, P, ""),
    ("CHECKLIST-COMPLETE", {"checklist_answers": answers(prospective=None)}, F, "1 red question "),
    (
        "CHECKLIST-COMPLETE",
        {"checklist_answers": answers(prospective=None, benefit_patients_direct="")},
        F,
        "2 red questions",
    ),
    ("CHECKLIST-COMPLETE", {"checklist_answers": {}}, F, "15 red questions"),
    ("BENEFIT-TEST", {}, P, ""),
    (
        "BENEFIT-TEST",
        {"intended_type": "cw", "checklist_answers": answers(benefit_patients_direct="no")},
        P,
        "",
    ),
    (
        "BENEFIT-TEST",
        {"checklist_answers": answers(benefit_patients_direct="no")},
        F,
        "must benefit patients directly",
    ),
    (
        "BENEFIT-TEST",
        {
            "intended_type": "cw",
            "checklist_answers": answers(
                benefit_patients_direct="no", benefit_patients_or_nhs="no"
            ),
        },
        F,
        "No benefit",
    ),
    ("BENEFIT-TEST", {"checklist_answers": answers(benefit_patients_direct=None)}, F, "not answ"),
    (
        "BENEFIT-TEST",
        {"checklist_answers": answers(benefit_patients_direct="no", benefit_patients_or_nhs="")},
        F,
        "not answered",
    ),
    ("TYPE-MATCHES-CHECKLIST", {}, P, ""),
    (
        "TYPE-MATCHES-CHECKLIST",
        {"intended_type": "cw", "checklist_answers": answers(benefit_patients_direct="no")},
        P,
        "",
    ),
    ("TYPE-MATCHES-CHECKLIST", {"intended_type": "cw"}, P, ""),
    ("TYPE-MATCHES-CHECKLIST", {"intended_type": None}, F, "Choose"),
    (
        "TYPE-MATCHES-CHECKLIST",
        {"checklist_answers": answers(benefit_patients_direct="no")},
        F,
        "checklist says: Collaborative working",
    ),
    ("TYPE-MATCHES-CHECKLIST", {"partners": (PHARMA, CHARITY)}, F, "joint working"),
    (
        "TYPE-MATCHES-CHECKLIST",
        {"intended_type": "cw", "checklist_answers": answers(no_inducement="no")},
        F,
        "checklist says: Neither",
    ),
    (
        "TYPE-MATCHES-CHECKLIST",
        {"checklist_answers": answers(no_inducement=None)},
        F,
        "not complete",
    ),
    ("SCOPING-GUIDE-COMPLETE", {}, P, ""),
    ("SCOPING-GUIDE-COMPLETE", {"scoping_missing": ("unmet_need", "scale")}, F, "2 scoping"),
    ("CONCEPT-COMPLETE", {}, P, ""),
    ("CONCEPT-COMPLETE", {"concept_missing": None}, F, "No concept framework"),
    ("CONCEPT-COMPLETE", {"concept_missing": ("objectives", "budget")}, F, "objectives, budget"),
    ("CONCEPT-APPROVED-BY-ALL", {}, P, ""),
    ("CONCEPT-APPROVED-BY-ALL", {"concept_pending_partners": None}, F, "No partner"),
    ("CONCEPT-APPROVED-BY-ALL", {"concept_pending_partners": ("Acme Pharma",)}, F, "Waiting"),
    ("CONCEPT-APPROVED-BY-ALL", {"concept_rejected_by": ("Acme Pharma",)}, F, "Rejected by"),
    ("CONCEPT-UNCHANGED", {}, P, ""),
    ("CONCEPT-UNCHANGED", {"concept_changed_since_approval": True}, F, "edited"),
    ("PARTNERS-LEGAL-ENTITIES", {}, P, ""),
    ("PARTNERS-LEGAL-ENTITIES", {"partners": (NHS, PHARMA, PCN)}, F, "Riverside PCN"),
    ("NO-SALES-MEMBERS", {}, P, ""),
    ("NO-SALES-MEMBERS", {"team_sales_members": None}, F, "No project team"),
    ("NO-SALES-MEMBERS", {"team_sales_members": ("A. Rep",)}, F, "A. Rep"),
    ("CONFLICTS-DECLARED", {}, P, ""),
    ("CONFLICTS-DECLARED", {"team_undeclared_members": None}, F, "No project team"),
    ("CONFLICTS-DECLARED", {"team_undeclared_members": ("B. Nurse",)}, F, "B. Nurse"),
    # Guidance, stage 2 set-up: the project team or steering committee includes "all
    # involved parties" and is "right sized" to be effective and inclusive. The numbers are
    # the product's own choice; the rule's source and explanation say so.
    ("TEAM-EVERY-PARTNER", {}, P, ""),
    ("TEAM-EVERY-PARTNER", {"partners_not_on_team": None}, F, "No project team"),
    ("TEAM-EVERY-PARTNER", {"partners_not_on_team": ("Acme Pharma",)}, F, "from: Acme Pharma"),
    ("TEAM-RIGHT-SIZED", {}, P, ""),
    ("TEAM-RIGHT-SIZED", {"team_size": None}, F, "No project team"),
    ("TEAM-RIGHT-SIZED", {"team_size": 2}, F, "Only 2"),
    ("TEAM-RIGHT-SIZED", {"team_size": 3}, P, ""),
    ("TEAM-RIGHT-SIZED", {"team_size": 12}, P, ""),
    ("TEAM-RIGHT-SIZED", {"team_size": 13}, F, "13 members"),
    ("OBJECTIONS-RESOLVED", {}, P, ""),
    ("OBJECTIONS-RESOLVED", {"open_objections": ("C. Rep",)}, F, "C. Rep"),
    ("GOVERNANCE-COMMITTEES", {}, P, ""),
    ("GOVERNANCE-COMMITTEES", {"parties_without_governance_committee": None}, F, "No governance"),
    (
        "GOVERNANCE-COMMITTEES",
        {"parties_without_governance_committee": ("Acme Pharma",)},
        F,
        "Acme",
    ),
    ("PLANS-IN-PLACE", {}, P, ""),
    ("PLANS-IN-PLACE", {"plans_missing": None}, F, "No plans"),
    ("PLANS-IN-PLACE", {"plans_missing": ("RACI chart",)}, F, "RACI"),
    ("COMPANY-DATA-ANONYMISED", {}, P, ""),
    ("COMPANY-DATA-ANONYMISED", {"data_shared_not_anonymised": ("Referral list",)}, F, "Referral"),
    ("PID-COMPLETE", {}, P, ""),
    ("PID-COMPLETE", {"pid_missing_sections": None}, F, "No PID"),
    ("PID-COMPLETE", {"pid_missing_sections": ("Exit strategy",)}, F, "Exit strategy"),
    ("AGREEMENT-CLAUSES", {}, P, ""),
    ("AGREEMENT-CLAUSES", {"agreement_missing_clauses": None}, F, "No agreement"),
    ("AGREEMENT-CLAUSES", {"agreement_missing_clauses": ("Dispute resolution",)}, F, "Dispute"),
    ("SUMMARY-CERTIFIED", {}, P, ""),
    ("SUMMARY-CERTIFIED", {"summary_certified": None}, F, "No executive summary"),
    ("SUMMARY-CERTIFIED", {"summary_certified": False}, F, "not certified"),
    ("CONTRIBUTION-EVERY-PARTY", {}, P, ""),
    (
        "CONTRIBUTION-EVERY-PARTY",
        {"parties_without_significant_contribution": ("Acme Pharma (nothing recorded)",)},
        F,
        "Not yet significant: Acme Pharma (nothing recorded)",
    ),
    (
        "CONTRIBUTION-EVERY-PARTY",
        {"parties_without_significant_contribution": None},
        F,
        "No contrib",
    ),
    (
        "CONTRIBUTION-EVERY-PARTY",
        {"parties_without_significant_contribution": ("Acme Pharma",)},
        F,
        "Acme",
    ),
    ("FUNDED-POSTS-EXIT", {}, P, ""),
    ("FUNDED-POSTS-EXIT", {"funded_posts_without_exit": None}, F, "not been recorded"),
    ("FUNDED-POSTS-EXIT", {"funded_posts_without_exit": ("Band 7 pharmacist",)}, F, "Band 7"),
    ("PID-CERTIFIED", {}, P, ""),
    ("PID-CERTIFIED", {"pid_certified": None}, F, "No PID"),
    ("PID-CERTIFIED", {"pid_certified": False}, F, "not certified"),
    ("PID-APPROVED", {}, P, ""),
    ("PID-APPROVED", {"pid_approved": None}, F, "No PID"),
    ("PID-APPROVED", {"pid_approved": False}, F, "lacks approvals"),
    ("PID-BEFORE-AGREEMENT", {}, P, ""),
    ("PID-BEFORE-AGREEMENT", {"pid_changed_since_approval": True}, F, "changed after"),
    ("PID-BEFORE-AGREEMENT", {"pid_approved": None}, F, "No approved PID"),
    ("PID-BEFORE-AGREEMENT", {"pid_approved": False}, F, "not approved"),
    ("AGREEMENT-SIGNED-BY-ALL", {}, P, ""),
    ("AGREEMENT-SIGNED-BY-ALL", {"agreement_unsigned_parties": None}, F, "No agreement"),
    ("AGREEMENT-SIGNED-BY-ALL", {"agreement_unsigned_parties": ("Acme Pharma",)}, F, "Acme"),
    ("AGREEMENT-LEGAL-ENTITIES", {}, P, ""),
    ("AGREEMENT-LEGAL-ENTITIES", {"agreement_non_legal_parties": ("Dr Jones",)}, F, "Dr Jones"),
    ("SUMMARY-PUBLISHED", {}, P, ""),
    ("SUMMARY-PUBLISHED", {"summary_published_on": dt.date(2026, 1, 15)}, P, ""),
    ("SUMMARY-PUBLISHED", {"summary_published_on": None}, F, "not been published"),
    ("SUMMARY-PUBLISHED", {"summary_published_on": dt.date(2026, 1, 16)}, F, "16 January 2026"),
    ("COMPLETION-RECORDED", {}, P, ""),
    ("COMPLETION-RECORDED", {"completed_on": None}, F, "end date"),
    ("OUTCOMES-PUBLISHED", {}, P, ""),
    ("OUTCOMES-PUBLISHED", {"outcomes_published_on": None}, F, "not been published"),
    ("OUTCOMES-WITHIN-SIX-MONTHS", {}, P, ""),
    ("OUTCOMES-WITHIN-SIX-MONTHS", {"ended_on": None, "outcomes_published_on": None}, NA, ""),
    # ABPI Code clause 20 and the guidance's stage 3 "Reporting on the project outcomes":
    # outcomes whatever happened, so an early end starts the same six-month clock.
    (
        "OUTCOMES-WITHIN-SIX-MONTHS",
        {
            "completed_on": None,
            "terminated": True,
            "outcomes_published_on": None,
            "today": dt.date(2026, 3, 1),
        },
        F,
        "Overdue since 28 February 2026",
    ),
    (
        "OUTCOMES-WITHIN-SIX-MONTHS",
        {"completed_on": None, "terminated": True, "outcomes_published_on": None},
        P,
        "",
    ),
    (
        "OUTCOMES-WITHIN-SIX-MONTHS",
        {"outcomes_published_on": None, "today": dt.date(2026, 2, 28)},
        P,
        "",
    ),
    (
        "OUTCOMES-WITHIN-SIX-MONTHS",
        {"outcomes_published_on": None, "today": dt.date(2026, 3, 1)},
        F,
        "Overdue since 28 February 2026",
    ),
    (
        "OUTCOMES-WITHIN-SIX-MONTHS",
        {"outcomes_published_on": dt.date(2026, 2, 28), "today": dt.date(2026, 6, 1)},
        P,
        "",
    ),
    (
        "OUTCOMES-WITHIN-SIX-MONTHS",
        {"outcomes_published_on": dt.date(2026, 3, 1), "today": dt.date(2026, 6, 1)},
        F,
        "after the 28 February 2026 deadline",
    ),
    ("TOV-DISCLOSED", {}, P, ""),
    ("TOV-DISCLOSED", {"undisclosed_tov_years": (2024, 2025)}, F, "2024, 2025"),
]

RED_CASES: list[tuple[str, dict[str, Any], Outcome, str]] = []
for _q in checklist.COMMON_RED:
    _id = rule_id("RED", _q.id)
    RED_CASES += [
        (_id, {}, P, ""),
        (_id, {"checklist_answers": answers(**{_q.id: "no"})}, F, "Answered no"),
        (_id, {"checklist_answers": answers(**{_q.id: None})}, F, "Not answered"),
        (_id, {"checklist_answers": answers(**{_q.id: ""})}, F, "Not answered"),
        (
            _id,
            {"checklist_answers": answers(**{_q.id: "na"})},
            P if _q.allows_not_applicable else F,
            "",
        ),
        # ADR 0002: a project imported past concept approval has its checklist elsewhere.
        (_id, {"checklist_answers": {}, "checklist_kept_elsewhere": True}, NA, ""),
        # A checklist kept here is still checked, imported or not.
        (
            _id,
            {"checklist_answers": answers(**{_q.id: "no"}), "checklist_kept_elsewhere": True},
            F,
            "Answered no",
        ),
    ]

RED_CASES += [
    ("BENEFIT-TEST", {"checklist_answers": {}, "checklist_kept_elsewhere": True}, NA, ""),
    ("BENEFIT-TEST", {"checklist_answers": {}}, F, "not answered"),
    (
        "JW-PATIENT-OUTCOMES",
        {"checklist_answers": {}, "checklist_kept_elsewhere": True, "intended_type": "jw"},
        NA,
        "",
    ),
]

AMBER_CASES: list[tuple[str, dict[str, Any], Outcome, str]] = []
for _q in checklist.AMBER:
    _id = rule_id("AMBER", _q.id)
    AMBER_CASES += [
        (_id, {}, P, ""),
        (_id, {"checklist_answers": answers(**{_q.id: "no"})}, F, "Answered no"),
        (_id, {"checklist_answers": answers(**{_q.id: None})}, F, "Not answered"),
    ]

CASES = (
    CORE_CASES + RED_CASES + AMBER_CASES + PUBLICATION_CASES + SAFEGUARD_CASES + GOVERNANCE_CASES
)


def _case_id(case: tuple[str, dict[str, Any], Outcome, str]) -> str:
    rid, overrides, outcome, _ = case
    return f"{rid}-{outcome.value}-{'-'.join(overrides) or 'good'}"


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_rule_case(case: tuple[str, dict[str, Any], Outcome, str]) -> None:
    rid, overrides, expected, detail = case
    check = RULES_BY_ID[rid].check(facts(**overrides))
    assert check.outcome is expected, check.detail
    assert detail in check.detail
    if expected is Outcome.FAIL:
        assert check.detail


def test_every_rule_has_a_failing_case() -> None:
    failing = {rid for rid, _, outcome, _ in CASES if outcome is Outcome.FAIL}
    assert failing == set(RULES_BY_ID), "every rule needs a failing case"


def test_every_rule_has_a_passing_or_not_applicable_case() -> None:
    ok = {rid for rid, _, outcome, _ in CASES if outcome is not Outcome.FAIL}
    assert ok == set(RULES_BY_ID), "every rule needs a passing or not-applicable case"


def test_cases_name_only_real_rules() -> None:
    assert {rid for rid, *_ in CASES} <= set(RULES_BY_ID)


@pytest.mark.parametrize("rule", CATALOGUE, ids=lambda r: r.id)
def test_good_project_fails_no_rule(rule: Rule) -> None:
    assert rule.check(GOOD).outcome is not Outcome.FAIL


@pytest.mark.parametrize("rule", CATALOGUE, ids=lambda r: r.id)
def test_rule_is_documented(rule: Rule) -> None:
    assert rule.id.strip()
    assert rule.title.strip()
    assert rule.source.strip()
    assert rule.explanation.strip()
    assert rule.remedy.strip()
    assert rule.gates
    assert isinstance(rule.severity, Severity)


def test_rule_ids_are_unique() -> None:
    ids = [rule.id for rule in CATALOGUE]
    assert len(ids) == len(set(ids))
    assert len(RULES_BY_ID) == len(CATALOGUE)


def test_checklist_questions_each_have_a_rule() -> None:
    expected = {rule_id("RED", q.id) for q in checklist.COMMON_RED}
    expected |= {rule_id("AMBER", q.id) for q in checklist.AMBER}
    assert expected <= set(RULES_BY_ID)
    for q in checklist.COMMON_RED:
        assert RULES_BY_ID[rule_id("RED", q.id)].severity is Severity.BLOCKER
    for q in checklist.AMBER:
        assert RULES_BY_ID[rule_id("AMBER", q.id)].severity is Severity.RISK


def test_gates_are_collected_from_rules() -> None:
    assert {"concept_approved", "setup", "pid_approved", "agreement_signed"} <= GATES
    assert {"summary_published", "in_delivery", "completed", "outcomes_published"} <= GATES
    assert "ongoing" in GATES


# Gate reports -----------------------------------------------------------------------------


def _rule(rid: str, severity: Severity, passes: bool) -> Rule:
    return Rule(
        id=rid,
        title=rid,
        source="test",
        severity=severity,
        gates=frozenset({"g"}),
        explanation="why",
        remedy="fix",
        check=lambda _f: PASS if passes else fail("broken"),
    )


def _report(*rules: Rule) -> GateReport:
    return evaluate_gate("g", GOOD, catalogue=rules)


def test_failed_blocker_cannot_be_overridden_by_accepting_risks() -> None:
    report = _report(
        _rule("B1", Severity.BLOCKER, passes=False),
        _rule("R1", Severity.RISK, passes=False),
    )
    assert [r.rule.id for r in report.failed_blockers] == ["B1"]
    assert not report.may_pass(["R1"])
    assert not report.may_pass(["R1", "B1"])


def test_passes_when_blockers_pass_and_every_failing_risk_is_accepted() -> None:
    report = _report(
        _rule("B1", Severity.BLOCKER, passes=True),
        _rule("R1", Severity.RISK, passes=False),
        _rule("R2", Severity.RISK, passes=False),
        _rule("R3", Severity.RISK, passes=True),
    )
    assert report.failed_blockers == ()
    assert [r.rule.id for r in report.failed_risks] == ["R1", "R2"]
    assert not report.may_pass()
    assert not report.may_pass(["R1"])
    assert report.may_pass(["R1", "R2"])
    assert report.may_pass(iter(["R2", "R1", "unrelated"]))


def test_unaccepted_risks() -> None:
    report = _report(
        _rule("R1", Severity.RISK, passes=False),
        _rule("R2", Severity.RISK, passes=False),
    )
    assert [r.rule.id for r in report.unaccepted_risks([])] == ["R1", "R2"]
    assert [r.rule.id for r in report.unaccepted_risks(["R1"])] == ["R2"]
    assert report.unaccepted_risks(["R1", "R2"]) == ()


def test_evaluate_gate_only_runs_rules_for_that_gate() -> None:
    other = dataclasses.replace(_rule("X", Severity.BLOCKER, passes=False), gates=frozenset({"h"}))
    report = evaluate_gate("g", GOOD, catalogue=(other, _rule("Y", Severity.BLOCKER, True)))
    assert [r.rule.id for r in report.results] == ["Y"]
    assert report.may_pass()


def test_empty_gate_may_pass() -> None:
    report = evaluate_gate("no-such-gate", GOOD)
    assert report.results == ()
    assert report.may_pass()


def test_rule_result_failed() -> None:
    rule = _rule("Z", Severity.RISK, passes=True)
    assert RuleResult(rule, Outcome.FAIL, "x").failed
    assert not RuleResult(rule, Outcome.PASS, "").failed
    assert not RuleResult(rule, Outcome.NOT_APPLICABLE, "").failed


# Each rule's severity and gates, written out by hand so that a change to the catalogue (a
# blocker turned into a risk, a rule dropped from a gate) fails here instead of passing
# silently. Change this table only together with the rule, citing the passage.
BLOCKER, RISK = Severity.BLOCKER, Severity.RISK
# Issue 13 item 10: red checklist rules are checked again at the PID, agreement and delivery
# gates. Seed: guidance, "Establishing a robust governance framework": the governance
# committee reviews the project against the checklist criteria.
RED_GATES = {"concept_approved", "pid_approved", "agreement_signed", "in_delivery"}
PINNED: dict[str, tuple[Severity, set[str]]] = {
    "PARTIES-PRESENT": (BLOCKER, {"concept_approved"}),
    "JW-NHS-PARTY": (BLOCKER, {"agreement_signed", "concept_approved"}),
    "PROSPECTIVE-BY-DATES": (RISK, {"concept_approved", "in_delivery", "pid_approved"}),
    "CHECKLIST-COMPLETE": (BLOCKER, {"concept_approved"}),
    "BENEFIT-TEST": (BLOCKER, RED_GATES),
    "TYPE-MATCHES-CHECKLIST": (BLOCKER, {"concept_approved"}),
    "SCOPING-GUIDE-COMPLETE": (RISK, {"concept_approved"}),
    "CONCEPT-COMPLETE": (BLOCKER, {"concept_approved"}),
    "CONCEPT-APPROVED-BY-ALL": (BLOCKER, {"concept_approved"}),
    "CONCEPT-UNCHANGED": (BLOCKER, {"setup"}),
    "PARTNERS-LEGAL-ENTITIES": (RISK, {"concept_approved"}),
    "NO-SALES-MEMBERS": (BLOCKER, {"pid_approved"}),
    "CONFLICTS-DECLARED": (BLOCKER, {"pid_approved"}),
    "TEAM-EVERY-PARTNER": (BLOCKER, {"pid_approved"}),
    "TEAM-RIGHT-SIZED": (RISK, {"pid_approved"}),
    "OBJECTIONS-RESOLVED": (BLOCKER, {"pid_approved"}),
    "GOVERNANCE-COMMITTEES": (BLOCKER, {"pid_approved"}),
    "PLANS-IN-PLACE": (RISK, {"pid_approved"}),
    "COMPANY-DATA-ANONYMISED": (BLOCKER, {"pid_approved"}),
    "PID-COMPLETE": (BLOCKER, {"pid_approved"}),
    "CONTRIBUTION-EVERY-PARTY": (BLOCKER, {"pid_approved"}),
    "FUNDED-POSTS-EXIT": (BLOCKER, {"pid_approved"}),
    "PID-CERTIFIED": (BLOCKER, {"pid_approved"}),
    "PID-APPROVED": (BLOCKER, {"pid_approved"}),
    "PID-BEFORE-AGREEMENT": (BLOCKER, {"agreement_signed"}),
    "AGREEMENT-SIGNED-BY-ALL": (BLOCKER, {"agreement_signed", "in_delivery"}),
    "AGREEMENT-LEGAL-ENTITIES": (BLOCKER, {"agreement_signed"}),
    "AGREEMENT-CLAUSES": (BLOCKER, {"agreement_signed"}),
    "SUMMARY-CERTIFIED": (BLOCKER, {"summary_published"}),
    "SUMMARY-PUBLISHED": (BLOCKER, {"in_delivery", "summary_published"}),
    "COMPLETION-RECORDED": (BLOCKER, {"completed"}),
    "OUTCOMES-PUBLISHED": (BLOCKER, {"outcomes_published"}),
    "OUTCOMES-WITHIN-SIX-MONTHS": (RISK, {"ongoing"}),
    "TOV-DISCLOSED": (RISK, {"ongoing"}),
    "RED-MUTUAL-BENEFIT-ACKNOWLEDGED": (BLOCKER, RED_GATES),
    "RED-ORGANISATIONAL-BENEFIT": (BLOCKER, RED_GATES),
    "RED-SIGNIFICANT-CONTRIBUTION": (BLOCKER, RED_GATES),
    "RED-SHARED-COMMITMENT": (BLOCKER, RED_GATES),
    "RED-OUTCOMES-MEASURABLE": (BLOCKER, RED_GATES),
    "RED-ANONYMISED-AGGREGATED-DATA": (BLOCKER, RED_GATES),
    "JW-PATIENT-OUTCOMES": (BLOCKER, RED_GATES),
    "RED-COMMIT-TO-PUBLISH-SUMMARY": (BLOCKER, RED_GATES),
    "RED-TREATMENTS-IN-GUIDANCE": (BLOCKER, RED_GATES),
    "RED-OPEN-AND-TRANSPARENT": (BLOCKER, RED_GATES),
    "RED-EXIT-STRATEGY-AGREED": (BLOCKER, RED_GATES),
    "RED-NO-INDUCEMENT": (BLOCKER, RED_GATES),
    "RED-NO-DIRECT-PATIENT-CONTACT": (BLOCKER, RED_GATES),
    "RED-NO-PROMOTION-TO-PUBLIC": (BLOCKER, RED_GATES),
    "RED-PROSPECTIVE": (BLOCKER, RED_GATES),
    "NO-PATIENT-ORGANISATION-PARTNER": (BLOCKER, {"agreement_signed", "concept_approved"}),
    "SUMMARY-ON-COMPANY-WEBSITE": (BLOCKER, {"in_delivery"}),
    "OUTCOMES-ON-COMPANY-WEBSITE": (RISK, {"ongoing"}),
    "CONTRACTED-VALUES-PUBLISHED": (RISK, {"ongoing"}),
    "AGREEMENT-MATCHES-PID": (BLOCKER, {"agreement_signed"}),
    "DATA-FLOWS-GOVERNED": (BLOCKER, {"pid_approved"}),
    "DATA-FLOWS-DPIA": (RISK, {"pid_approved"}),
    "DIGITAL-TOOLS-CLINICAL-SAFETY": (BLOCKER, {"pid_approved"}),
    "FUNDED-POSTS-SAFEGUARDS": (BLOCKER, {"pid_approved"}),
    "SUSTAINABILITY-PLAN": (RISK, {"completed"}),
    "PARTNER-NAMED-LEAD": (RISK, {"ongoing", "pid_approved"}),
    "GOVERNANCE-COMPANY-SEATS": (RISK, {"pid_approved"}),
    "SYSTEM-ROUTE-RECORDED": (RISK, {"concept_approved"}),
    "AMBER-TEAM-IN-PLACE": (RISK, {"concept_approved"}),
    "AMBER-RIGHT-SKILLS": (RISK, {"concept_approved"}),
    "AMBER-APPROVAL-PROCEDURES": (RISK, {"concept_approved"}),
    "AMBER-RECOGNISED-TEMPLATE": (RISK, {"concept_approved"}),
    "AMBER-CERTIFICATION-SIGNATORY": (RISK, {"concept_approved"}),
}


def test_every_rule_is_pinned_with_its_severity_and_gates() -> None:
    actual = {r.id: (r.severity, set(r.gates)) for r in CATALOGUE}
    assert actual == PINNED


@pytest.mark.parametrize("gate", sorted(GATES))
def test_real_gate_runs_exactly_its_rules(gate: str) -> None:
    report = evaluate_gate(gate, GOOD)
    assert report.gate == gate
    assert {r.rule.id for r in report.results} == {
        rid for rid, (_, gates) in PINNED.items() if gate in gates
    }
    assert report.may_pass()


def test_real_concept_gate_risk_can_be_accepted() -> None:
    report = evaluate_gate("concept_approved", facts(scoping_missing=("scale",)))
    assert [r.rule.id for r in report.failed_risks] == ["SCOPING-GUIDE-COMPLETE"]
    assert not report.may_pass()
    assert report.may_pass(["SCOPING-GUIDE-COMPLETE"])


def test_real_concept_gate_blocker_wins_over_accepted_risks() -> None:
    bad = facts(
        scoping_missing=("scale",),
        concept_pending_partners=("Acme Pharma",),
        checklist_answers=answers(team_in_place="no"),
    )
    report = evaluate_gate("concept_approved", bad)
    risks = [r.rule.id for r in report.failed_risks]
    assert set(risks) == {"SCOPING-GUIDE-COMPLETE", "AMBER-TEAM-IN-PLACE"}
    assert [r.rule.id for r in report.failed_blockers] == ["CONCEPT-APPROVED-BY-ALL"]
    assert report.unaccepted_risks(risks) == ()
    assert not report.may_pass(risks)


# Missing Stage 2 evidence ------------------------------------------------------------------

BARE = ProjectFacts(
    today=dt.date(2026, 1, 15),
    partners=(NHS, PHARMA),
    intended_type="cw",
    checklist_answers=ALL_YES,
)


@pytest.mark.parametrize(
    ("gate", "expected_failures"),
    [
        (
            "pid_approved",
            {
                "NO-SALES-MEMBERS",
                "CONFLICTS-DECLARED",
                "TEAM-EVERY-PARTNER",
                "GOVERNANCE-COMMITTEES",
                "PID-COMPLETE",
                "CONTRIBUTION-EVERY-PARTY",
                "FUNDED-POSTS-EXIT",
                "PID-CERTIFIED",
                "PID-APPROVED",
            },
        ),
        (
            "agreement_signed",
            {"PID-BEFORE-AGREEMENT", "AGREEMENT-SIGNED-BY-ALL", "AGREEMENT-CLAUSES"},
        ),
        ("summary_published", {"SUMMARY-CERTIFIED", "SUMMARY-PUBLISHED"}),
        ("in_delivery", {"AGREEMENT-SIGNED-BY-ALL", "SUMMARY-PUBLISHED"}),
    ],
)
def test_missing_stage_two_evidence_fails_the_gate(gate: str, expected_failures: set[str]) -> None:
    report = evaluate_gate(gate, BARE)
    assert {r.rule.id for r in report.failed_blockers} == expected_failures
    assert not report.may_pass()
    every_id = [r.id for r in CATALOGUE]
    assert not report.may_pass(every_id)


# Outcomes within six months -----------------------------------------------------------------

SIX_MONTHS = RULES_BY_ID["OUTCOMES-WITHIN-SIX-MONTHS"]


@pytest.mark.parametrize(
    ("completed", "published", "today", "expected", "detail"),
    [
        (dt.date(2025, 8, 31), None, dt.date(2026, 2, 28), P, ""),
        (dt.date(2025, 8, 31), None, dt.date(2026, 3, 1), F, "Overdue since 28 February 2026"),
        (dt.date(2025, 8, 31), dt.date(2026, 2, 28), dt.date(2026, 3, 1), P, ""),
        (dt.date(2025, 8, 31), dt.date(2026, 3, 2), dt.date(2026, 3, 2), F, "2 March 2026"),
        (dt.date(2023, 8, 31), None, dt.date(2024, 2, 29), P, ""),
        (dt.date(2023, 8, 31), None, dt.date(2024, 3, 1), F, "Overdue since 29 February 2024"),
        (dt.date(2023, 8, 31), dt.date(2024, 2, 29), dt.date(2024, 5, 1), P, ""),
        (dt.date(2023, 8, 31), dt.date(2024, 3, 1), dt.date(2024, 5, 1), F, "29 February 2024"),
        (None, None, dt.date(2030, 1, 1), NA, ""),
    ],
)
def test_outcomes_within_six_months(completed, published, today, expected, detail) -> None:
    check = SIX_MONTHS.check(
        facts(ended_on=completed, outcomes_published_on=published, today=today)
    )
    assert check.outcome is expected
    assert detail in check.detail


def test_ongoing_rules_are_risks() -> None:
    ongoing = [r for r in CATALOGUE if "ongoing" in r.gates]
    assert {r.id for r in ongoing} == {
        "OUTCOMES-WITHIN-SIX-MONTHS",
        "TOV-DISCLOSED",
        "OUTCOMES-ON-COMPANY-WEBSITE",
        "CONTRACTED-VALUES-PUBLISHED",
        "PARTNER-NAMED-LEAD",
    }
    assert all(r.severity is Severity.RISK for r in ongoing)


def test_facts_properties() -> None:
    assert GOOD.has_nhs_party
    assert GOOD.has_pharmaceutical_party
    assert not facts(partners=(MEDTECH, CHARITY)).has_nhs_party
    assert not facts(partners=(MEDTECH, NHS)).has_pharmaceutical_party


def test_core_does_not_import_django() -> None:
    code = (
        "import sys\n"
        "import triplewin.config.env, triplewin.core.checklist, triplewin.core.dates\n"
        "import triplewin.core.lifecycle, triplewin.core.ods, triplewin.core.rules\n"
        "import triplewin.core.scoping_guide\n"
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), 'django'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


CHECKLIST_RULES = (
    "PARTIES-PRESENT",
    "JW-NHS-PARTY",
    "JW-PATIENT-OUTCOMES",
    "CHECKLIST-COMPLETE",
    "BENEFIT-TEST",
    "TYPE-MATCHES-CHECKLIST",
    *(rule_id("RED", q.id) for q in checklist.COMMON_RED),
)


@given(
    st.fixed_dictionaries(
        {
            q.id: st.sampled_from(["yes", "no", "na", "", None])
            for q in checklist.QUESTIONS
            if q.colour is checklist.Colour.RED
        }
    ),
    st.sets(st.sampled_from([NHS, PHARMA, MEDTECH, CHARITY, PCN, INDEPENDENT])),
    st.sampled_from(["cw", "jw", None]),
)
def test_verdict_page_and_gate_rules_never_disagree(
    raw: dict[str, str | None], partners: set[PartnerFact], intended: str | None
) -> None:
    answers = {k: v for k, v in raw.items() if v is not None}
    f = facts(
        checklist_answers=answers,
        partners=tuple(sorted(partners, key=lambda p: p.name)),
        intended_type=intended,
    )
    verdict = checklist.classify(answers, parties=f.parties)
    all_pass = all(RULES_BY_ID[rid].check(f).outcome is not Outcome.FAIL for rid in CHECKLIST_RULES)
    qualifies = {"cw": verdict.qualifies_cw, "jw": verdict.qualifies_jw, None: False}[intended]
    assert all_pass == qualifies
    if verdict.classification is checklist.Classification.NEITHER:
        assert not all_pass


# Issue 13 item 10: a red answer that is no longer "yes" blocks the later gates too. Seed:
# NHS Confederation/ABPI guidance (2024), "Establishing a robust governance framework" (the
# governance committee reviews the project against the checklist criteria) and "Key resource:
# Checklist ..." (a red "no" means the project must change before proceeding).
@pytest.mark.parametrize("gate", ["pid_approved", "agreement_signed", "in_delivery"])
@pytest.mark.parametrize(
    ("overrides", "rule"),
    [
        pytest.param({"no_inducement": "no"}, "RED-NO-INDUCEMENT", id="inducement"),
        pytest.param({"prospective": None}, "RED-PROSPECTIVE", id="unanswered"),
        pytest.param(
            {"anonymised_aggregated_data": "no"}, "RED-ANONYMISED-AGGREGATED-DATA", id="data"
        ),
        pytest.param(
            {"patient_outcomes_measured": "no"}, "JW-PATIENT-OUTCOMES", id="jw-patient-outcomes"
        ),
        pytest.param(
            {"benefit_patients_direct": "no", "benefit_patients_or_nhs": "no"},
            "BENEFIT-TEST",
            id="benefit",
        ),
    ],
)
def test_red_checklist_rules_are_checked_again_at_later_gates(
    gate: str, overrides: dict[str, str | None], rule: str
) -> None:
    report = evaluate_gate(gate, facts(checklist_answers=answers(**overrides)))
    assert rule in {r.rule.id for r in report.failed_blockers}
    assert not report.may_pass([r.id for r in CATALOGUE])


def test_team_size_is_advice_and_says_its_numbers_are_our_own() -> None:
    rule = RULES_BY_ID["TEAM-RIGHT-SIZED"]
    assert rule.severity is Severity.RISK
    assert "our own choice" in rule.source
    assert "product's own choice, not the guidance's" in rule.explanation
    assert "all involved parties" in RULES_BY_ID["TEAM-EVERY-PARTNER"].source
