"""Table of cases for the named-lead, company-seat and system-route rules (ADR 0019).

Each case names the guidance passage it enforces. Kept apart from test_rules so that module's
CASES can include these without importing a test module.
"""

from __future__ import annotations

from typing import Any

from triplewin.core.rules.model import Outcome

F, P, NA = Outcome.FAIL, Outcome.PASS, Outcome.NOT_APPLICABLE
TRUST = "Steps to build trust (Continuity)"
COMMITTEE = "Potential governance committee members"
SYSTEM = "Integrated care system/place level"

COMPLETE_ROUTE: dict[str, Any] = {
    "is_system_level": True,
    "system_route_missing": (),
    "system_route_not_supported": "",
}

# (passage, rule id, overrides to GOOD, expected outcome, text expected in the detail)
CASES: list[tuple[str, str, dict[str, Any], Outcome, str]] = [
    (TRUST, "PARTNER-NAMED-LEAD", {}, P, ""),
    (
        TRUST,
        "PARTNER-NAMED-LEAD",
        {"partners_without_named_lead": ("Acme Pharma (no named lead)",)},
        F,
        "Without a named lead: Acme Pharma (no named lead).",
    ),
    (
        TRUST,
        "PARTNER-NAMED-LEAD",
        {"partners_without_named_lead": ("Northfield NHS Trust (its named lead, A B, has left)",)},
        F,
        "has left",
    ),
    (COMMITTEE, "GOVERNANCE-COMPANY-SEATS", {}, P, ""),
    (
        COMMITTEE,
        "GOVERNANCE-COMPANY-SEATS",
        {"company_committees_missing_seats": None},
        F,
        "No governance committees",
    ),
    (
        COMMITTEE,
        "GOVERNANCE-COMPANY-SEATS",
        {"company_committees_missing_seats": ("Acme Pharma (no legal seat)",)},
        F,
        "Acme Pharma (no legal seat)",
    ),
    # Only system-level projects take the ICB route.
    (SYSTEM, "SYSTEM-ROUTE-RECORDED", {}, NA, ""),
    (SYSTEM, "SYSTEM-ROUTE-RECORDED", {"is_system_level": True}, F, "not recorded yet"),
    (
        SYSTEM,
        "SYSTEM-ROUTE-RECORDED",
        {**COMPLETE_ROUTE, "system_route_missing": ("the chief pharmacist",)},
        F,
        "Still to record: the chief pharmacist.",
    ),
    (
        SYSTEM,
        "SYSTEM-ROUTE-RECORDED",
        {**COMPLETE_ROUTE, "system_route_not_supported": "The IMOC did not support it."},
        F,
        "did not support",
    ),
    (SYSTEM, "SYSTEM-ROUTE-RECORDED", COMPLETE_ROUTE, P, ""),
]

# The same cases as test_rules reads them: (rule id, overrides, outcome, detail).
GOVERNANCE_CASES: list[tuple[str, dict[str, Any], Outcome, str]] = [c[1:] for c in CASES]
