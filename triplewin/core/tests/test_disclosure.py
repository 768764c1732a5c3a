"""Disclosure UK rows and formula-injection neutralising."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum

import pytest

from triplewin.core import disclosure
from triplewin.core.disclosure import AMOUNT_COLUMNS, HEADER, Category, Payment


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+44 1234", "'+44 1234"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Leeds Teaching Hospitals", "Leeds Teaching Hospitals"),
        ("a = b", "a = b"),
        ("", ""),
        ("'already quoted", "'already quoted"),
    ],
)
def test_neutralise(text: str, expected: str) -> None:
    assert disclosure.neutralise(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (True, "Yes"),
        (False, "No"),
        (2024, 2024),
        (Decimal("-250.00"), Decimal("-250.00")),
        (1.5, Decimal("1.5")),
        (dt.date(2024, 2, 29), "2024-02-29"),
        ("=1+1", "'=1+1"),
        (-5, -5),
    ],
)
def test_safe_cell_keeps_numbers_and_neutralises_text(value: object, expected: object) -> None:
    assert disclosure.safe_cell(value) == expected


def _payment(**overrides: object) -> Payment:
    values: dict[str, object] = {
        "company": "Example Pharma",
        "institution": "Example Hospitals NHS Trust",
        "address": "1 Hospital Road, Leeds",
        "postcode": "LS1 3EX",
        "link": "https://triplewin.example/register/7/",
        "year": 2024,
        "category": Category.JOINT_COLLABORATIVE,
        "amount": Decimal("12000.00"),
        "project": "Asthma reviews",
    }
    values.update(overrides)
    return Payment(**values)  # type: ignore[arg-type]


def test_header_has_one_amount_column_per_category() -> None:
    assert HEADER[:6] == (
        "Company",
        "Institution name",
        "Address",
        "Postcode",
        "Joint/collaborative working link",
        "Year",
    )
    assert {category for category, _ in AMOUNT_COLUMNS} == set(Category)
    assert len(HEADER) == 6 + len(Category) + 1


@pytest.mark.parametrize("category", list(Category))
def test_amount_lands_in_its_category_column(category: Category) -> None:
    cells = disclosure.row(_payment(category=category, amount=Decimal("-40.50")))
    assert len(cells) == len(HEADER)
    column = HEADER.index(dict(AMOUNT_COLUMNS)[category])
    assert cells[column] == Decimal("-40.50")
    assert [c for i, c in enumerate(cells[6:-1], start=6) if i != column] == [""] * 6


def test_every_text_cell_is_neutralised() -> None:
    cells = disclosure.row(
        _payment(
            company="@evil",
            institution="=cmd|' /C calc'!A0",
            address="+1",
            postcode="-1",
            link="\thttp://x",
            project='=HYPERLINK("http://evil","click")',
        )
    )
    text = [c for c in cells if isinstance(c, str) and c]
    assert text
    assert all(c.startswith("'") for c in text)
    assert cells[5] == 2024


class _Text(str):
    """A str subclass, as Django's SafeString and lazy translations are."""


class _Formula(StrEnum):
    SUM = "=SUM(A1:A9)"


class _Lazy:
    """Text computed when it is turned into a string, as gettext_lazy's proxies are."""

    def __str__(self) -> str:
        return "@cmd|' /C calc'!A0"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (_Text("=1+1"), "'=1+1"),
        (_Formula.SUM, "'=SUM(A1:A9)"),
        (_Lazy(), "'@cmd|' /C calc'!A0"),
        (_Text("Leeds"), "Leeds"),
    ],
)
def test_safe_cell_neutralises_text_that_is_not_a_plain_str(value: object, expected: str) -> None:
    cell = disclosure.safe_cell(value)
    assert cell == expected
    assert type(cell) is str
