"""Is each party's contribution proportionate? Totals, shares and a prompt to check.

Every party in collaborative or joint working must make a significant contribution, but the
NHS contribution is often staff time, skills or data rather than money, and is often left
unvalued. So the arithmetic here never calls an unvalued but quantified contribution (hours
of staff time, say) insignificant. It raises a "check this is significant" prompt only when
a party:

- has recorded nothing at all;
- has recorded only minor items: nothing valued in money and no hours given;
- has valued its contribution at less than a tenth of everything valued in money.

A prompt is a question for the partners, not a verdict: the rules engine decides blockers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

SIGNIFICANT_SHARE = Decimal("0.10")
ZERO = Decimal(0)


class Concern(StrEnum):
    NOTHING = "nothing"
    ONLY_MINOR = "only_minor"
    SMALL_SHARE = "small_share"


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
    # Only a party that chose to value something is measured against the valued total.
    if share is not None and any(i.is_valued for i in items) and share < SIGNIFICANT_SHARE:
        return Concern.SMALL_SHARE
    return None


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


def percent(share: Decimal | None) -> str:
    """A share as a whole percentage for people; '' when there is no valued total."""
    if share is None:
        return ""
    return f"{(share * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)}%"
