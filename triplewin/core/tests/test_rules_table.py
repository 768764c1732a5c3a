"""ADR 0023 lists every rule with its source; it must be the catalogue's current list."""

from __future__ import annotations

import pathlib

from triplewin.core.rules import CATALOGUE
from triplewin.core.rules.table import BEGIN, END, markdown_table, own_choice

ADR = (
    pathlib.Path(__file__).resolve().parents[3]
    / "docs"
    / "adr"
    / "0023-every-rule-and-its-source.md"
)


def test_the_adr_lists_the_catalogue_as_it_is() -> None:
    text = ADR.read_text()
    start, end = text.index(BEGIN), text.index(END) + len(END)
    assert text[start:end] == markdown_table(), (
        "Regenerate ADR 0023's table: python -m triplewin.core.rules.table"
    )


def test_every_rule_has_a_row_and_a_source() -> None:
    table = markdown_table()
    for rule in CATALOGUE:
        assert f"`{rule.id}`" in table
        assert rule.source.strip()


def test_the_product_s_own_thresholds_are_marked() -> None:
    own = {rule.id for rule in CATALOGUE if own_choice(rule)}
    # Thresholds the guidance does not set (ADR 0023): each says so in its own text.
    assert {"CONTRIBUTION-EVERY-PARTY", "TEAM-RIGHT-SIZED", "PROSPECTIVE-BY-DATES"} <= own
