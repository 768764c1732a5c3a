"""The agreement compared with the approved PID.

Seed: NHS Confederation/ABPI guidance (2024), 'Recommended Collaborative/Joint Working
Agreement Framework': the agreement holds key information about the project "drawn directly
from the PID". How the two are compared is the product's own choice (see ADR 0022).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from triplewin.core.agreement_terms import AgreementTerms, PidTerms, mismatches, success_text

PID = PidTerms(
    type_label="Joint working",
    planned_start=dt.date(2026, 4, 1),
    planned_end=dt.date(2027, 3, 31),
    length_months=12,
    success_measure="Share of patients reviewed",
    success_when="Monthly, and at the end",
    success_by_whom="The PCN analyst",
)
AGREEMENT = AgreementTerms(
    type_label="Joint working",
    agreement_date=dt.date(2026, 3, 1),
    term_months=13,
    success_measures=success_text(PID),
)


def test_success_text_lists_each_part_once() -> None:
    assert success_text(PID) == (
        "What is measured: Share of patients reviewed\n"
        "When: Monthly, and at the end\n"
        "By whom: The PCN analyst"
    )
    assert success_text(PidTerms(success_when="Quarterly")) == "When: Quarterly"


@pytest.mark.parametrize(
    ("agreement", "pid", "expected"),
    [
        # Drawn straight from the PID: nothing differs.
        ({}, {}, []),
        # Partnership type.
        ({"type_label": "Collaborative working"}, {}, ["is for collaborative working"]),
        # Dated after the planned start: the work would begin unbound.
        ({"agreement_date": dt.date(2026, 4, 2), "term_months": 24}, {}, ["after the PID's"]),
        ({"agreement_date": dt.date(2026, 4, 1)}, {}, []),
        # Term must reach the planned end; a longer term is allowed.
        ({"term_months": 12}, {}, ["ends on 1 March 2027, before"]),
        ({"term_months": 36}, {}, []),
        # Without planned dates the term is compared with the PID's length.
        ({"term_months": 11}, {"planned_end": None}, ["shorter than the PID's 12 months"]),
        ({"term_months": 12}, {"planned_end": None}, []),
        ({"term_months": None}, {}, []),
        # Success measures must keep what, when and by whom (spacing and case ignored).
        ({"success_measures": "Share of patients reviewed"}, {}, ["when it is measured", "who"]),
        (
            {
                "success_measures": "SHARE of patients   reviewed; monthly, and at the end; the pcn analyst"
            },
            {},
            [],
        ),
        (
            {"success_measures": ""},
            {"success_measure": "", "success_when": "", "success_by_whom": ""},
            [],
        ),
    ],
)
def test_mismatches(agreement: dict[str, Any], pid: dict[str, Any], expected: list[str]) -> None:
    found = mismatches(dataclasses.replace(AGREEMENT, **agreement), dataclasses.replace(PID, **pid))
    assert len(found) == len(expected)
    for problem, text in zip(found, expected, strict=True):
        assert text in problem
