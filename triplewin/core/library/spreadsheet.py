"""Keeping exported cells inert when a spreadsheet opens them.

A cell that starts with =, +, -, @, a tab or a carriage return can be run as a formula by
Excel, LibreOffice or Google Sheets (CSV or formula injection). Exports prefix such cells with
an apostrophe, which spreadsheets treat as "this is text"; imports remove exactly that prefix
again, so a file exported from Triple Win imports back unchanged.
"""

from __future__ import annotations

from typing import Final

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def restore(cell: str) -> str:
    """Undo `neutralise`: only an apostrophe directly before a formula character is removed."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell
