"""The suggested team for each care setting."""

from __future__ import annotations

import pytest

from triplewin.core.team_composition import (
    INDUSTRY_SEATS,
    NHS_SEATS,
    Side,
    coverage,
    suggested_seats,
)


@pytest.mark.parametrize("setting", ["primary", "secondary", "system"])
def test_every_setting_ends_with_the_same_company_seats(setting: str) -> None:
    seats = suggested_seats(setting)
    assert seats[-3:] == INDUSTRY_SEATS
    assert all(s.side is Side.NHS for s in seats[:-3])
    assert [s.title for s in INDUSTRY_SEATS] == [
        "Programme manager",
        "Medical affairs lead",
        "Partnership lead",
    ]


def test_settings_differ_on_the_nhs_side() -> None:
    titles = {setting: {s.title for s in seats} for setting, seats in NHS_SEATS.items()}
    assert any("primary care network" in t for t in titles["primary"])
    assert any("Associate medical director" in t for t in titles["secondary"])
    assert "Head of medicines management" in titles["system"]
    # The health innovation network has a seat whatever the setting.
    assert all(any("health innovation network" in t for t in ts) for ts in titles.values())


def test_unknown_setting_is_refused() -> None:
    with pytest.raises(ValueError, match="Unknown care setting"):
        suggested_seats("tertiary")


def test_coverage_matches_role_and_side() -> None:
    result = {
        c.seat.title: c.covered
        for c in coverage(
            "secondary",
            [("industry", "medical_affairs_lead"), ("nhs", "clinical_lead"), ("nhs", "other")],
        )
    }
    assert result["Medical affairs lead"] is True
    assert result["Programme manager"] is False
    assert result["Clinical lead for the hospital specialty concerned"] is True
    assert result["Associate medical director or chief pharmacist"] is False
    # No role says "health innovation network", so that seat is left to a person to judge.
    assert result["Innovation or commercial lead from the local health innovation network"] is None


def test_a_company_pharmacist_does_not_fill_an_nhs_pharmacy_seat() -> None:
    result = {c.seat.title: c.covered for c in coverage("primary", [("industry", "pharmacist")])}
    assert result["Community pharmacy lead"] is False
