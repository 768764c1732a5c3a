"""Disclosure UK rows, and cells that are safe to open in a spreadsheet.

Disclosure UK publishes one row per payment to a healthcare organisation: the company, the
institution's name, address and postcode, a link for collaborative or joint working, the
year, and one amount column per kind of transfer of value. Amounts may be negative when a
row corrects an earlier one.

Every exported text cell goes through `neutralise`. A spreadsheet treats a cell that starts
with =, +, -, @, a tab or a carriage return as a formula (CSV or formula injection), so such
text is prefixed with an apostrophe and shown as typed. Amounts are numbers that this code
formats itself; they are never text from a user, so a negative amount stays a number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from triplewin.core.input_guard import safe_text

FORMULA_TRIGGERS = frozenset("=+-@\t\r")

Cell = str | int | Decimal


def neutralise(text: str) -> str:
    """Text safe in a spreadsheet: formulas made inert, control characters and NHS numbers
    stored before the input guard existed dropped or masked (an XLSX cannot hold controls)."""
    text = safe_text(text)
    return "'" + text if text and text[0] in FORMULA_TRIGGERS else text


def safe_cell(value: object) -> Cell:
    """A value ready for a CSV or XLSX cell: numbers stay numbers, everything else is text."""
    # Text first: it is most cells, and whole registers are exported at once.
    if type(value) is str:
        return neutralise(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int | Decimal):
        return value
    if isinstance(value, float):
        return Decimal(str(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return neutralise(str(value))


def safe_row(values: Iterable[object]) -> list[Cell]:
    return [safe_cell(v) for v in values]


class Category(StrEnum):
    """The kinds of transfer of value that Disclosure UK has a column for."""

    DONATIONS_GRANTS = "donations_grants"
    SPONSORSHIP = "sponsorship"
    REGISTRATION_FEES = "registration_fees"
    TRAVEL_ACCOMMODATION = "travel_accommodation"
    FEES_FOR_SERVICE = "fees_for_service"
    RELATED_EXPENSES = "related_expenses"
    JOINT_COLLABORATIVE = "joint_collaborative"


CATEGORY_LABELS: dict[Category, str] = {
    Category.JOINT_COLLABORATIVE: "Joint or collaborative working",
    Category.DONATIONS_GRANTS: "Donations and grants",
    Category.SPONSORSHIP: "Sponsorship of events",
    Category.REGISTRATION_FEES: "Registration fees",
    Category.TRAVEL_ACCOMMODATION: "Travel and accommodation",
    Category.FEES_FOR_SERVICE: "Fees for service and consultancy",
    Category.RELATED_EXPENSES: "Related expenses",
}

# Disclosure UK's amount columns, in the order of its published files.
AMOUNT_COLUMNS: tuple[tuple[Category, str], ...] = (
    (Category.DONATIONS_GRANTS, "Donations and grants"),
    (Category.SPONSORSHIP, "Sponsorship of events"),
    (Category.REGISTRATION_FEES, "Registration fees"),
    (Category.TRAVEL_ACCOMMODATION, "Travel and accommodation"),
    (Category.FEES_FOR_SERVICE, "Fees for service and consultancy"),
    (Category.RELATED_EXPENSES, "Related expenses"),
    (Category.JOINT_COLLABORATIVE, "Joint/collaborative working"),
)

HEADER: tuple[str, ...] = (
    "Company",
    "Institution name",
    "Address",
    "Postcode",
    "Joint/collaborative working link",
    "Year",
    *(label for _, label in AMOUNT_COLUMNS),
    # Not a Disclosure UK column: it lets the company check each row before submitting.
    "Project (for checking)",
)


@dataclass(frozen=True)
class Payment:
    company: str
    institution: str
    address: str
    postcode: str
    # Every row comes from a collaborative or joint working project, so each links to that
    # project's public register entry; empty until its summary is published.
    link: str
    year: int
    category: Category
    amount: Decimal  # money plus the value of benefits in kind
    project: str


def row(payment: Payment) -> list[Cell]:
    """One Disclosure UK row: the amount sits in its category's column, the others are empty."""
    amounts: list[object] = [
        payment.amount if category is payment.category else None for category, _ in AMOUNT_COLUMNS
    ]
    return safe_row(
        [
            payment.company,
            payment.institution,
            payment.address,
            payment.postcode,
            payment.link,
            payment.year,
            *amounts,
            payment.project,
        ]
    )
