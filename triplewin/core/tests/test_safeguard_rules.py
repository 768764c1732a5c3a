"""The safeguard rules of issue 13, one table row per case, each naming its seed passage."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from triplewin.core.rules import RULES_BY_ID, ProjectFacts
from triplewin.core.rules.model import Outcome

P, F, NA = Outcome.PASS, Outcome.FAIL, Outcome.NOT_APPLICABLE
BASE = ProjectFacts(today=dt.date(2026, 6, 1))

CASES: list[tuple[str, str, dict[str, Any], Outcome, str]] = [
    # Guidance, 'Recommended Collaborative/Joint Working Agreement Framework': drawn from the PID.
    ("agreement framework", "AGREEMENT-MATCHES-PID", {}, NA, ""),
    ("agreement framework", "AGREEMENT-MATCHES-PID", {"agreement_pid_mismatches": ()}, P, ""),
    (
        "agreement framework",
        "AGREEMENT-MATCHES-PID",
        {"agreement_pid_mismatches": ("the agreement is for joint working, but …",)},
        F,
        "The agreement is for joint working",
    ),
    # King's Fund Principle 7 (MoUs, information-sharing agreements); guidance comparison table
    # (data security, confidentiality and privacy).
    ("Principle 7", "DATA-FLOWS-GOVERNED", {}, P, ""),
    (
        "Principle 7",
        "DATA-FLOWS-GOVERNED",
        {"data_flows_ungoverned": ("Admissions: no controller named",)},
        F,
        "Admissions: no controller named",
    ),
    # UK GDPR Article 35: the product's own choice to ask at the PID.
    ("UK GDPR art. 35", "DATA-FLOWS-DPIA", {}, P, ""),
    (
        "UK GDPR art. 35",
        "DATA-FLOWS-DPIA",
        {"data_flows_without_dpia": ("Admissions (not done)",)},
        F,
        "Admissions (not done)",
    ),
    # Confederation briefing, Skin Analytics case study: CSOs and DCB0160.
    ("Skin Analytics case study", "DIGITAL-TOOLS-CLINICAL-SAFETY", {}, P, ""),
    (
        "Skin Analytics case study",
        "DIGITAL-TOOLS-CLINICAL-SAFETY",
        {"digital_tools_without_safety": ("Triage app: no clinical safety officer",)},
        F,
        "no clinical safety officer",
    ),
    # Guidance, Stage 2 'Project setup and governance structures': beyond day-to-day roles,
    # precautions on retaining staff, NHS control, employment law compliance.
    ("Stage 2 resourcing", "FUNDED-POSTS-SAFEGUARDS", {}, P, ""),
    (
        "Stage 2 resourcing",
        "FUNDED-POSTS-SAFEGUARDS",
        {"funded_posts_without_safeguards": ("Trust: Nurse (employment law not confirmed)",)},
        F,
        "employment law not confirmed",
    ),
    # King's Fund, 'Sustaining and scaling change': commissioners, their evidence, handover.
    ("Sustaining and scaling change", "SUSTAINABILITY-PLAN", {"sustainability_missing": ()}, P, ""),
    (
        "Sustaining and scaling change",
        "SUSTAINABILITY-PLAN",
        {"sustainability_missing": None},
        F,
        "No sustainability",
    ),
    (
        "Sustaining and scaling change",
        "SUSTAINABILITY-PLAN",
        {"sustainability_missing": ("Clinic: who commissions it afterwards",)},
        F,
        "Still to say: Clinic: who commissions it afterwards",
    ),
]

# The same cases in the shape of test_rules.CASES, so that its completeness checks see them.
SAFEGUARD_CASES = [(rid, changes, outcome, detail) for _, rid, changes, outcome, detail in CASES]


@pytest.mark.parametrize(("passage", "rule_id", "changes", "expected", "detail"), CASES)
def test_safeguard_rule(
    passage: str, rule_id: str, changes: dict[str, Any], expected: Outcome, detail: str
) -> None:
    check = RULES_BY_ID[rule_id].check(dataclasses.replace(BASE, **changes))
    assert check.outcome is expected, passage
    assert detail in check.detail


@pytest.mark.parametrize(
    "rule_id",
    [
        "AGREEMENT-MATCHES-PID",
        "DATA-FLOWS-GOVERNED",
        "DATA-FLOWS-DPIA",
        "DIGITAL-TOOLS-CLINICAL-SAFETY",
        "FUNDED-POSTS-SAFEGUARDS",
        "SUSTAINABILITY-PLAN",
    ],
)
def test_each_safeguard_rule_cites_a_seed(rule_id: str) -> None:
    rule = RULES_BY_ID[rule_id]
    assert any(
        name in rule.source for name in ("NHS Confederation", "King's Fund", "UK GDPR", "ABPI Code")
    )
