"""Proportionality arithmetic, table-driven."""

from __future__ import annotations

from decimal import Decimal

import pytest

from triplewin.core.contributions import Concern, Item, insignificant, percent, proportionality

D = Decimal
NHS, CO = "Trust", "Company"


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        # Nothing recorded by either party.
        ([], {NHS: Concern.NOTHING, CO: Concern.NOTHING}),
        # Money from the company; the trust records nothing.
        ([Item(CO, "money", D(50000))], {NHS: Concern.NOTHING, CO: None}),
        # Unvalued staff time with hours is not insignificant: NHS input is often not money.
        (
            [Item(CO, "money", D(50000)), Item(NHS, "staff_time", None, D(400))],
            {NHS: None, CO: None},
        ),
        # Only unquantified items (no value, no hours) prompt a check.
        (
            [Item(CO, "money", D(50000)), Item(NHS, "skills"), Item(NHS, "other", D(0))],
            {NHS: Concern.ONLY_MINOR, CO: None},
        ),
        # A valued contribution under a tenth of the valued total prompts a check.
        (
            [Item(CO, "money", D(95000)), Item(NHS, "equipment", D(5000))],
            {NHS: Concern.SMALL_SHARE, CO: None},
        ),
        # Exactly a tenth is enough.
        (
            [Item(CO, "money", D(90000)), Item(NHS, "equipment", D(10000))],
            {NHS: None, CO: None},
        ),
        # A full-time working week of staff time is significant whatever the money shares.
        (
            [
                Item(CO, "money", D(99000)),
                Item(NHS, "equipment", D(1000)),
                Item(NHS, "staff_time", None, D("37.5")),
            ],
            {NHS: None, CO: None},
        ),
        # Staff time alone, under a working week and nothing valued, is not yet significant.
        (
            [Item(CO, "money", D(50000)), Item(NHS, "staff_time", None, D(37))],
            {NHS: Concern.FEW_HOURS, CO: None},
        ),
        # A few hours do not rescue a small valued share.
        (
            [
                Item(CO, "money", D(99000)),
                Item(NHS, "equipment", D(1000)),
                Item(NHS, "staff_time", None, D(10)),
            ],
            {NHS: Concern.SMALL_SHARE, CO: None},
        ),
    ],
)
def test_concerns(items, expected):
    result = proportionality([NHS, CO], items)
    assert {p.party: p.concern for p in result.parties} == expected


@pytest.mark.parametrize(
    ("items", "shares"),
    [
        ([], {NHS: "", CO: ""}),
        ([Item(NHS, "staff_time", None, D(100))], {NHS: "", CO: ""}),
        ([Item(CO, "money", D(3)), Item(NHS, "data_analytics", D(1))], {NHS: "25%", CO: "75%"}),
        ([Item(CO, "money", D(2)), Item(NHS, "money", D(1))], {NHS: "33%", CO: "67%"}),
        ([Item(CO, "money", D(1)), Item(NHS, "money", D(1))], {NHS: "50%", CO: "50%"}),
    ],
)
def test_shares(items, shares):
    result = proportionality([NHS, CO], items)
    assert {p.party: percent(p.share) for p in result.parties} == shares


def test_totals_and_counts_by_kind():
    result = proportionality(
        [NHS, CO],
        [
            Item(NHS, "staff_time", D(12000), D("150.5")),
            Item(NHS, "staff_time", None, D(20)),
            Item(NHS, "data_analytics"),
            Item(CO, "money", D(40000)),
        ],
    )
    nhs, company = result.parties
    assert (nhs.value, nhs.hours, nhs.items) == (D(12000), D("170.5"), 3)
    assert nhs.by_kind == {"staff_time": 2, "data_analytics": 1}
    assert (company.value, company.hours, company.by_kind) == (D(40000), D(0), {"money": 1})
    assert (result.total_value, result.total_hours) == (D(52000), D("170.5"))
    assert result.to_check == ()


def test_parties_only_in_items_follow_in_name_order():
    result = proportionality([NHS], [Item("Zed Ltd", "money", D(1)), Item("Abc", "money", D(1))])
    assert [p.party for p in result.parties] == [NHS, "Abc", "Zed Ltd"]


def test_zero_value_counts_as_unvalued():
    result = proportionality([NHS], [Item(NHS, "money", D(0))])
    assert result.total_value == 0
    assert result.parties[0].concern is Concern.ONLY_MINOR


def test_insignificant_names_each_party_with_its_reason():
    result = proportionality(
        [NHS, CO, "Hosts"],
        [Item(CO, "money", D(50000)), Item(NHS, "staff_time", None, D(8)), Item("Hosts", "other")],
    )
    assert insignificant(result) == (
        "Trust (under 37.5 hours of staff time and nothing valued in money)",
        "Hosts (nothing valued in money and no staff hours)",
    )
