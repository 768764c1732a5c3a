"""Overruns past the planned end or the agreement's term, and how they rate.

Guidance (NHS Confederation/ABPI 2024), stage 3, "Project amendments": a delay goes through a
project amendment agreed by the team and each governance committee, with a variation to the
contract. The 30-day red threshold and reading the term from the agreement's date are the
product's own choices.
"""

from __future__ import annotations

import datetime as dt

import pytest

from triplewin.core import rag
from triplewin.core.overrun import OverrunFacts, overrun, overruns
from triplewin.core.rag import RagInputs, Rating

D = dt.date
TODAY = D(2026, 6, 30)
ON_PLAN = OverrunFacts(in_delivery=True, planned_end=D(2026, 12, 31))

# (facts, what overran or None, days over, red)
CASES = [
    (ON_PLAN, None, 0, False),
    (OverrunFacts(in_delivery=True), None, 0, False),
    (OverrunFacts(in_delivery=True, planned_end=D(2026, 6, 30)), None, 0, False),
    (OverrunFacts(in_delivery=True, planned_end=D(2026, 6, 29)), "planned end date", 1, False),
    (OverrunFacts(in_delivery=True, planned_end=D(2026, 5, 31)), "planned end date", 30, True),
    # Not in delivery (completed, terminated, not started): nothing can overrun.
    (OverrunFacts(in_delivery=False, planned_end=D(2025, 1, 1)), None, 0, False),
    # The term runs from the agreement's date: 1 July 2025 for 12 months ends 30 June 2026.
    (OverrunFacts(in_delivery=True, agreement_date=D(2025, 7, 1), term_months=12), None, 0, False),
    (
        OverrunFacts(in_delivery=True, agreement_date=D(2025, 6, 1), term_months=12),
        "agreement's term",
        30,
        True,
    ),
    # A signed variation agreement covers running past the term.
    (
        OverrunFacts(
            in_delivery=True, agreement_date=D(2025, 6, 1), term_months=12, term_varied=True
        ),
        None,
        0,
        False,
    ),
]


@pytest.mark.parametrize(("facts", "what", "days", "red"), CASES)
def test_overrun(facts, what, days, red):
    found = overrun(facts, TODAY)
    if what is None:
        assert found is None
        return
    assert found is not None
    assert (found.what, found.days, found.red) == (what, days, red)
    assert "without an approved amendment" in found.text


def test_the_longest_overrun_comes_first_and_a_pending_amendment_is_named():
    facts = OverrunFacts(
        in_delivery=True,
        planned_end=D(2026, 6, 20),
        agreement_date=D(2025, 5, 1),
        term_months=12,
        amendment_pending=True,
    )
    found = overruns(facts, TODAY)
    assert [o.what for o in found] == ["agreement's term", "planned end date"]
    assert "awaiting sign-off" in found[0].text


@pytest.mark.parametrize(
    ("planned_end", "rating"),
    [
        (D(2026, 12, 31), Rating.NOT_RATED),
        (D(2026, 6, 20), Rating.AMBER),
        (D(2026, 1, 1), Rating.RED),
    ],
)
def test_an_overrun_sets_the_rag_timeline(planned_end, rating):
    found = overrun(OverrunFacts(in_delivery=True, planned_end=planned_end), TODAY)
    result = rag.compute(RagInputs(TODAY, overrun=found))
    # With no milestones or KPIs, being on time alone does not make a project green.
    assert result.rating is rating
    timeline = next(f for f in result.factors if f.name == "Timeline")
    assert (timeline.rating is Rating.GREEN) is (found is None)


def test_the_timeline_is_not_rated_outside_delivery():
    result = rag.compute(RagInputs(TODAY, in_delivery=False))
    timeline = next(f for f in result.factors if f.name == "Timeline")
    assert timeline.rating is Rating.NOT_RATED
