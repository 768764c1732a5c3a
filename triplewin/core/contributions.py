"""Is each party's contribution significant? Totals, shares and the test the rules apply.

Every party in collaborative or joint working must make a significant contribution (ABPI
Code 2024 clause 20; the guidance adds that the NHS contribution need not be money). Neither
source says how much is significant, so the threshold here is the product's own choice:

- a party's contribution counts as significant when the money it values is at least a tenth
  of all the money valued by the partners, or when it gives at least 37.5 hours of staff
  time (one full-time working week in the NHS);
- a party that records nothing, or only items with no money value and no hours (for example
  "hosts the meetings"), has not shown a significant contribution.

Staff time is measured in hours rather than converted into money, because NHS contributions
are often staff time that nobody has priced, and pricing it would make the test depend on
guessed rates. The same test drives the proportionality page and the CONTRIBUTION-EVERY-PARTY
rule, so the two always agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

SIGNIFICANT_SHARE = Decimal("0.10")
SIGNIFICANT_HOURS = Decimal("37.5")
ZERO = Decimal(0)


class Concern(StrEnum):
    NOTHING = "nothing"
    ONLY_MINOR = "only_minor"
    SMALL_SHARE = "small_share"
    FEW_HOURS = "few_hours"


CONCERN_TEXT = {
    Concern.NOTHING: "nothing recorded",
    Concern.ONLY_MINOR: "nothing valued in money and no staff hours",
    Concern.SMALL_SHARE: (
        f"less than {int(SIGNIFICANT_SHARE * 100)}% of the money valued, "
        f"and under {SIGNIFICANT_HOURS} hours of staff time"
    ),
    Concern.FEW_HOURS: f"under {SIGNIFICANT_HOURS} hours of staff time and nothing valued in money",
}


@dataclass(frozen=True)
class Item:
    party: str
    kind: str
    value: Decimal | None = None
    hours: Decimal | None = None

    @property
    def is_valued(self) -> bool:
        return self.value is not None and self.value > 0

    @property
    def is_minor(self) -> bool:
        """Nothing about it is quantified: no money value and no hours."""
        return not self.is_valued and not (self.hours is not None and self.hours > 0)


@dataclass(frozen=True)
class PartyTotals:
    party: str
    value: Decimal = ZERO
    hours: Decimal = ZERO
    items: int = 0
    by_kind: Mapping[str, int] = field(default_factory=dict)
    # Fraction of the valued total across all parties; None when nobody valued anything.
    share: Decimal | None = None
    concern: Concern | None = None


@dataclass(frozen=True)
class Proportionality:
    parties: tuple[PartyTotals, ...]
    total_value: Decimal
    total_hours: Decimal

    @property
    def to_check(self) -> tuple[PartyTotals, ...]:
        return tuple(p for p in self.parties if p.concern is not None)


def _concern(items: Sequence[Item], share: Decimal | None) -> Concern | None:
    if not items:
        return Concern.NOTHING
    if all(i.is_minor for i in items):
        return Concern.ONLY_MINOR
    hours = sum((i.hours or ZERO for i in items), ZERO)
    if hours >= SIGNIFICANT_HOURS:
        return None
    if any(i.is_valued for i in items):
        return None if share is not None and share >= SIGNIFICANT_SHARE else Concern.SMALL_SHARE
    return Concern.FEW_HOURS


def proportionality(parties: Sequence[str], items: Iterable[Item]) -> Proportionality:
    """Totals per party, in the order given; parties only found in `items` follow, sorted."""
    grouped: dict[str, list[Item]] = {name: [] for name in parties}
    for item in items:
        grouped.setdefault(item.party, []).append(item)
    order = list(parties) + sorted(set(grouped) - set(parties))
    total_value = sum((i.value or ZERO for g in grouped.values() for i in g if i.is_valued), ZERO)
    total_hours = sum((i.hours or ZERO for g in grouped.values() for i in g), ZERO)
    rows = []
    for name in order:
        own = grouped[name]
        value = sum((i.value or ZERO for i in own if i.is_valued), ZERO)
        share = value / total_value if total_value > 0 else None
        rows.append(
            PartyTotals(
                party=name,
                value=value,
                hours=sum((i.hours or ZERO for i in own), ZERO),
                items=len(own),
                by_kind=dict(Counter(i.kind for i in own)),
                share=share,
                concern=_concern(own, share),
            )
        )
    return Proportionality(tuple(rows), total_value, total_hours)


def insignificant(result: Proportionality) -> tuple[str, ...]:
    """Each party whose contribution fails the significance test, with the reason."""
    return tuple(
        f"{row.party} ({CONCERN_TEXT[row.concern]})" for row in result.to_check if row.concern
    )


def percent(share: Decimal | None) -> str:
    """A share as a whole percentage for people; '' when there is no valued total."""
    if share is None:
        return ""
    return f"{(share * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)}%"
