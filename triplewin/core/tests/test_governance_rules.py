"""Named leads, company governance seats and the system-level route (ADR 0019).

Each case names the guidance passage it enforces.
"""

from __future__ import annotations

from typing import Any

import pytest

from triplewin.core.rules import RULES_BY_ID
from triplewin.core.rules.model import Outcome
from triplewin.core.tests.governance_cases import CASES
from triplewin.core.tests.test_rules import facts


@pytest.mark.parametrize("case", CASES, ids=[f"{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_governance_rules(case: tuple[str, str, dict[str, Any], Outcome, str]) -> None:
    passage, rule_id, overrides, expected, detail = case
    rule = RULES_BY_ID[rule_id]
    assert passage.split(" (")[0] in rule.source
    check = rule.check(facts(**overrides))
    assert check.outcome is expected
    assert detail in check.detail


def test_advice_stays_advice() -> None:
    """The guidance lists committee members as examples and advises the ICB route: risks."""
    for rule_id in ("PARTNER-NAMED-LEAD", "GOVERNANCE-COMPANY-SEATS", "SYSTEM-ROUTE-RECORDED"):
        assert RULES_BY_ID[rule_id].severity == "risk"
    assert "our own choice" in RULES_BY_ID["PARTNER-NAMED-LEAD"].source
