"""Cases for the rules on partners and on publication on the partners' websites (ADR 0021).

Each block names the seed passage it enforces. test_rules.py runs them with the others.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from triplewin.core.rules import Outcome, PartnerFact

P, F, NA = Outcome.PASS, Outcome.FAIL, Outcome.NOT_APPLICABLE
NHS = PartnerFact("Northfield NHS Trust", "nhs", is_legal_entity=True)
PHARMA = PartnerFact("Acme Pharma", "industry", is_legal_entity=True, is_pharmaceutical=True)
PATIENT_ORG = PartnerFact(
    "Breathe Easy Together", "other", is_legal_entity=True, is_patient_organisation=True
)
CHARITY = PartnerFact("Heart Charity", "other", is_legal_entity=True)

PUBLICATION_CASES: list[tuple[str, dict[str, Any], Outcome, str]] = [
    # Guidance 000, stage 1 ("Partnerships can be formed between..."): patient organisations
    # cannot directly be included in collaborative working; they may be contracted.
    ("NO-PATIENT-ORGANISATION-PARTNER", {}, P, ""),
    ("NO-PATIENT-ORGANISATION-PARTNER", {"partners": (NHS, PHARMA, CHARITY)}, P, ""),
    (
        "NO-PATIENT-ORGANISATION-PARTNER",
        {"partners": (NHS, PHARMA, PATIENT_ORG)},
        F,
        "Breathe Easy Together",
    ),
    # Guidance 000, "The executive summary": the project should not commence until the
    # summary is on the industry partner's website (ABPI Code 2024, clause 20).
    ("SUMMARY-ON-COMPANY-WEBSITE", {}, P, ""),
    ("SUMMARY-ON-COMPANY-WEBSITE", {"partners": (NHS, CHARITY)}, NA, ""),
    (
        "SUMMARY-ON-COMPANY-WEBSITE",
        {"companies_without_summary_page": ("Acme Pharma",)},
        F,
        "Acme Pharma",
    ),
    # Guidance 000, stage 3 outcomes: all parties publish outcomes promptly, within six months.
    ("OUTCOMES-ON-COMPANY-WEBSITE", {}, P, ""),
    ("OUTCOMES-ON-COMPANY-WEBSITE", {"outcomes_published_on": None}, NA, ""),
    (
        "OUTCOMES-ON-COMPANY-WEBSITE",
        {"companies_without_outcomes_page": ("Acme Pharma",), "today": dt.date(2026, 2, 28)},
        F,
        "Due by 28 February 2026",
    ),
    (
        "OUTCOMES-ON-COMPANY-WEBSITE",
        {"companies_without_outcomes_page": ("Acme Pharma",), "today": dt.date(2026, 3, 1)},
        F,
        "Overdue since 28 February 2026",
    ),
    # Guidance 000, collaborative working requirements and Appendix 2: the contracted service
    # value to a patient organisation is published on the industry partner's website.
    ("CONTRACTED-VALUES-PUBLISHED", {}, P, ""),
    (
        "CONTRACTED-VALUES-PUBLISHED",
        {"contracted_services_unpublished": ("Breathe Easy Together, 2024",)},
        F,
        "Breathe Easy Together, 2024",
    ),
]
