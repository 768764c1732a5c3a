"""The annual refresh of conflicts-of-interest declarations, and the check at each decision."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triplewin.core.conflicts import (
    ALLOWS_DECISION,
    Arrangement,
    Interest,
    Scope,
    Standing,
    assess,
    in_force,
    is_current,
    latest_current,
    mentions,
    products_from,
    refresh_due,
    touching,
)


@pytest.mark.parametrize(
    ("declared", "due"),
    [
        (dt.date(2025, 3, 15), dt.date(2026, 3, 15)),
        (dt.date(2025, 1, 31), dt.date(2026, 1, 31)),
        (dt.date(2025, 12, 31), dt.date(2026, 12, 31)),
        # Leap day: the refresh falls due on the last day of February next year.
        (dt.date(2024, 2, 29), dt.date(2025, 2, 28)),
        (dt.date(2023, 2, 28), dt.date(2024, 2, 28)),
        (dt.date(2023, 3, 1), dt.date(2024, 3, 1)),
    ],
)
def test_refresh_due_is_twelve_months_later(declared: dt.date, due: dt.date) -> None:
    assert refresh_due(declared) == due


@pytest.mark.parametrize(
    ("declared", "today", "expected"),
    [
        (dt.date(2025, 3, 15), dt.date(2025, 3, 15), True),
        (dt.date(2025, 3, 15), dt.date(2026, 3, 14), True),
        (dt.date(2025, 3, 15), dt.date(2026, 3, 15), False),
        (dt.date(2025, 1, 31), dt.date(2026, 1, 30), True),
        (dt.date(2025, 1, 31), dt.date(2026, 1, 31), False),
        (dt.date(2024, 2, 29), dt.date(2025, 2, 27), True),
        (dt.date(2024, 2, 29), dt.date(2025, 2, 28), False),
        (dt.date(2023, 3, 1), dt.date(2024, 2, 29), True),
        # A declaration dated after the day in question did not exist yet.
        (dt.date(2025, 3, 15), dt.date(2025, 3, 14), False),
    ],
)
def test_is_current(declared: dt.date, today: dt.date, expected: bool) -> None:
    assert is_current(declared, today) is expected


def test_latest_current_ignores_expired_dates() -> None:
    today = dt.date(2026, 6, 1)
    dates = [dt.date(2024, 1, 1), dt.date(2025, 7, 1), dt.date(2025, 5, 31)]
    assert latest_current(dates, today) == dt.date(2025, 7, 1)
    assert latest_current([dt.date(2025, 6, 1)], today) is None
    assert latest_current([], today) is None


@pytest.mark.parametrize(
    ("valid_from", "valid_to", "on", "expected"),
    [
        (dt.date(2025, 1, 1), None, dt.date(2025, 1, 1), True),
        (dt.date(2025, 1, 1), None, dt.date(2030, 1, 1), True),
        (dt.date(2025, 1, 1), None, dt.date(2024, 12, 31), False),
        (dt.date(2025, 1, 1), dt.date(2025, 6, 30), dt.date(2025, 6, 30), True),
        (dt.date(2025, 1, 1), dt.date(2025, 6, 30), dt.date(2025, 7, 1), False),
    ],
)
def test_in_force(
    valid_from: dt.date, valid_to: dt.date | None, on: dt.date, expected: bool
) -> None:
    assert in_force(valid_from, valid_to, on) is expected


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_a_declaration_counts_for_between_365_and_366_days(declared: dt.date) -> None:
    due = refresh_due(declared)
    assert 365 <= (due - declared).days <= 366
    assert is_current(declared, due - dt.timedelta(days=1))
    assert not is_current(declared, due)


# The check at each decision.

PHARMA, TRUST, RIVAL = 1, 2, 3
SCOPE = Scope({PHARMA: "Test Pharma Ltd", TRUST: "Test Hospitals NHS Trust"}, ("Jardiance",))
ON = dt.date(2026, 6, 1)


def interest(
    pk: int = 1,
    *,
    organisation_id: int | None = PHARMA,
    related_to: str = "Test Pharma Ltd",
    description: str = "Holds shares",
    valid_from: dt.date = dt.date(2025, 1, 1),
    valid_to: dt.date | None = None,
) -> Interest:
    return Interest(pk, organisation_id, related_to, description, valid_from, valid_to)


@pytest.mark.parametrize(
    ("case", "given", "organisation", "products"),
    [
        ("chosen partner", interest(), "Test Pharma Ltd", ()),
        (
            "typed name, other case and spacing",
            interest(organisation_id=None, related_to="  test   PHARMA ltd "),
            "Test Pharma Ltd",
            (),
        ),
        (
            "the NHS partner counts too",
            interest(organisation_id=TRUST),
            "Test Hospitals NHS Trust",
            (),
        ),
        (
            "a rival naming the product",
            interest(
                organisation_id=RIVAL, related_to="Rival plc", description="Advises on jardiance."
            ),
            None,
            ("Jardiance",),
        ),
        (
            "a partner and the product",
            interest(description="Speaker fees for Jardiance talks"),
            "Test Pharma Ltd",
            ("Jardiance",),
        ),
        (
            "a rival, no product",
            interest(organisation_id=RIVAL, related_to="Rival plc"),
            None,
            None,
        ),
        (
            "a word that only contains the product's name",
            interest(organisation_id=RIVAL, related_to="Rival plc", description="Jardiancex trial"),
            None,
            None,
        ),
        ("not started yet", interest(valid_from=dt.date(2026, 6, 2)), None, None),
        ("ended the day before", interest(valid_to=dt.date(2026, 5, 31)), None, None),
        ("ends that day", interest(valid_to=ON), "Test Pharma Ltd", ()),
    ],
)
def test_which_interests_touch_a_decision(
    case: str,
    given: Interest,
    organisation: str | None,
    products: tuple[str, ...] | None,
) -> None:
    found = touching([given], SCOPE, ON)
    if products is None:
        assert found == (), case
    else:
        assert [(f.organisation, f.products) for f in found] == [(organisation, products)], case


def test_grounds_say_why_in_plain_english() -> None:
    [both] = touching([interest(description="Talks on Jardiance")], SCOPE, ON)
    assert both.grounds == (
        "it relates to Test Pharma Ltd, a partner in this project and it names Jardiance, "
        "which this project concerns"
    )


@pytest.mark.parametrize(
    ("case", "current", "interests", "managed", "standing"),
    [
        ("nothing declared, register current", True, [], {}, Standing.CLEAR),
        (
            "an unrelated interest",
            True,
            [interest(organisation_id=RIVAL, related_to="Rival")],
            {},
            Standing.CLEAR,
        ),
        ("an unmanaged conflict", True, [interest()], {}, Standing.CONFLICTED),
        ("managed: takes part", True, [interest()], {1: Arrangement.TAKES_PART}, Standing.MANAGED),
        (
            "managed: discussion only",
            True,
            [interest()],
            {1: Arrangement.DISCUSSION_ONLY},
            Standing.KEPT_OUT,
        ),
        (
            "managed: steps aside",
            True,
            [interest()],
            {1: Arrangement.STEPS_ASIDE},
            Standing.KEPT_OUT,
        ),
        (
            "one of two conflicts managed",
            True,
            [interest(1), interest(2)],
            {1: Arrangement.TAKES_PART},
            Standing.CONFLICTED,
        ),
        (
            "kept out wins over unmanaged",
            True,
            [interest(1), interest(2)],
            {1: Arrangement.STEPS_ASIDE},
            Standing.KEPT_OUT,
        ),
        ("a lapsed register, nothing declared", False, [], {}, Standing.NOT_CURRENT),
        (
            "a lapsed register beats a managed conflict",
            False,
            [interest()],
            {1: Arrangement.TAKES_PART},
            Standing.NOT_CURRENT,
        ),
        (
            "a management record for an interest that does not touch counts for nothing",
            True,
            [interest(organisation_id=RIVAL, related_to="Rival")],
            {1: Arrangement.STEPS_ASIDE},
            Standing.CLEAR,
        ),
    ],
)
def test_assess(
    case: str,
    current: bool,
    interests: list[Interest],
    managed: dict[int, Arrangement],
    standing: Standing,
) -> None:
    result = assess(current=current, interests=interests, scope=SCOPE, on=ON, managed=managed)
    assert result.standing is standing, case
    assert result.may_decide is (standing in {Standing.CLEAR, Standing.MANAGED}), case


def test_only_taking_part_lets_a_person_decide() -> None:
    assert {a for a in Arrangement if a in ALLOWS_DECISION} == {Arrangement.TAKES_PART}


@pytest.mark.parametrize(
    ("typed", "products"),
    [
        ("", ()),
        ("Jardiance (empagliflozin)\n  Trajenta ", ("Jardiance (empagliflozin)", "Trajenta")),
        ("Jardiance; jardiance\n\n;", ("Jardiance",)),
    ],
)
def test_products_from_a_typed_list(typed: str, products: tuple[str, ...]) -> None:
    assert products_from(typed) == products


@pytest.mark.parametrize(
    ("text", "product", "expected"),
    [
        ("Advisory board on Jardiance (empagliflozin).", "empagliflozin", True),
        ("Advisory board on Jardiance (empagliflozin).", "Jardiance (empagliflozin)", True),
        ("Works on Élixir", "elixir", True),
        ("Dapagliflozin", "gliflozin", False),
        ("anything", "  ", False),
    ],
)
def test_mentions_matches_whole_words(text: str, product: str, expected: bool) -> None:
    assert mentions(text, product) is expected
