from __future__ import annotations

import pytest

from triplewin.core.wording import counted


@pytest.mark.parametrize(
    ("number", "singular", "plural", "expected"),
    [
        (0, "rule", None, "0 rules"),
        (1, "rule", None, "1 rule"),
        (2, "rule", None, "2 rules"),
        (1, "person", "people", "1 person"),
        (3, "person", "people", "3 people"),
        (12500, "study", "studies", "12,500 studies"),
    ],
)
def test_counted(number: int, singular: str, plural: str | None, expected: str) -> None:
    assert counted(number, singular, plural) == expected
