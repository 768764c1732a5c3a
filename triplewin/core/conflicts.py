"""The conflicts-of-interest register's rules, in plain Python: its time rules, and the check
of a person's declared interests against each decision they take.

NHS England's conflicts of interest guidance asks people to refresh their declarations at
least once a year. A person is therefore "current" when they made a declaration or a nil
return within the last twelve months. A declared interest is "in force" on a day that falls
between its start and (if it has one) its end, both inclusive.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from triplewin.core.dates import add_months

REFRESH_MONTHS = 12


def refresh_due(declared_on: dt.date) -> dt.date:
    """The first day on which a declaration made on `declared_on` no longer counts.

    A declaration made on 29 February is due on 28 February the next year, because
    add_months clamps to the month's end.
    """
    return add_months(declared_on, REFRESH_MONTHS)


def is_current(declared_on: dt.date, today: dt.date) -> bool:
    """A declaration or nil return made on `declared_on` still counts on `today`."""
    return declared_on <= today < refresh_due(declared_on)


def latest_current(declared_on: Iterable[dt.date], today: dt.date) -> dt.date | None:
    """The most recent of the dates that still counts on `today`, or None."""
    current = [day for day in declared_on if is_current(day, today)]
    return max(current) if current else None


def in_force(valid_from: dt.date, valid_to: dt.date | None, on: dt.date) -> bool:
    """An interest applies on `on` if it had started and had not yet ended."""
    return valid_from <= on and (valid_to is None or on <= valid_to)


# The conflict check at each decision.
#
# NHS England's "Managing conflicts of interest in the NHS" asks that a person whose declared
# interest could affect a decision is kept out of it, unless whoever chairs the decision records
# how the conflict is managed instead; the range runs from taking no part at all, through
# joining the discussion but not the decision, to taking part in both. Only the last lets the
# person decide. The guidance also asks decision makers to keep their register current, so a
# person whose register has lapsed decides nothing until they refresh it.


class Arrangement(StrEnum):
    """How a conflict is managed, from the guidance's range of options."""

    TAKES_PART = "takes_part"
    DISCUSSION_ONLY = "discussion_only"
    STEPS_ASIDE = "steps_aside"


ARRANGEMENT_LABELS = {
    Arrangement.TAKES_PART: "may take part in the discussion and the decision",
    Arrangement.DISCUSSION_ONLY: "may take part in the discussion but not the decision",
    Arrangement.STEPS_ASIDE: "takes no part in the discussion or the decision",
}
ALLOWS_DECISION = frozenset({Arrangement.TAKES_PART})


class Standing(StrEnum):
    """Where a person stands on one decision, given their register."""

    CLEAR = "clear"
    MANAGED = "managed"
    CONFLICTED = "conflicted"
    KEPT_OUT = "kept_out"
    NOT_CURRENT = "not_current"


MAY_DECIDE = frozenset({Standing.CLEAR, Standing.MANAGED})


@dataclass(frozen=True)
class Interest:
    """A declared interest as the check sees it; `related_to` is the organisation's name."""

    id: int
    organisation_id: int | None
    related_to: str
    description: str
    valid_from: dt.date
    valid_to: dt.date | None


@dataclass(frozen=True)
class Scope:
    """What a decision touches: organisations by id (with their names) and product names."""

    organisations: Mapping[int, str]
    products: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    """One interest that touches the decision, why, and how (if at all) it is managed."""

    interest: Interest
    organisation: str | None
    products: tuple[str, ...]
    arrangement: Arrangement | None = None

    @property
    def grounds(self) -> str:
        parts = []
        if self.organisation is not None:
            parts.append(f"it relates to {self.organisation}, a partner in this project")
        if self.products:
            names = ", ".join(self.products)
            parts.append(f"it names {names}, which this project concerns")
        return " and ".join(parts)

    @property
    def managed(self) -> bool:
        return self.arrangement is not None

    @property
    def allows_decision(self) -> bool:
        return self.arrangement in ALLOWS_DECISION


@dataclass(frozen=True)
class Assessment:
    standing: Standing
    findings: tuple[Finding, ...] = ()

    @property
    def may_decide(self) -> bool:
        return self.standing in MAY_DECIDE


def normalise(text: str) -> str:
    """Lower case, accents folded, punctuation dropped and spaces collapsed, for matching."""
    folded = unicodedata.normalize("NFKD", text).casefold()
    kept = "".join(c if c.isalnum() else " " for c in folded if not unicodedata.combining(c))
    return " ".join(kept.split())


def products_from(text: str) -> tuple[str, ...]:
    """The product names in a list typed one per line (or separated by semicolons), once each."""
    seen: dict[str, str] = {}
    for line in text.replace(";", "\n").splitlines():
        name = " ".join(line.split())
        if normalise(name) and normalise(name) not in seen:
            seen[normalise(name)] = name
    return tuple(seen.values())


def mentions(text: str, product: str) -> bool:
    """Whether `text` names `product` as whole words, ignoring case, accents and punctuation."""
    wanted = normalise(product)
    return bool(wanted) and f" {wanted} " in f" {normalise(text)} "


def _partner(interest: Interest, scope: Scope) -> str | None:
    if interest.organisation_id is not None:
        return scope.organisations.get(interest.organisation_id)
    typed = normalise(interest.related_to)
    return next((n for n in scope.organisations.values() if typed and normalise(n) == typed), None)


def touching(interests: Iterable[Interest], scope: Scope, on: dt.date) -> tuple[Finding, ...]:
    """The interests in force on `on` that relate to a partner in scope or name a product."""
    found = []
    for interest in interests:
        if not in_force(interest.valid_from, interest.valid_to, on):
            continue
        text = f"{interest.related_to} {interest.description}"
        products = tuple(p for p in scope.products if mentions(text, p))
        organisation = _partner(interest, scope)
        if organisation is not None or products:
            found.append(Finding(interest, organisation, products))
    return tuple(found)


def assess(
    *,
    current: bool,
    interests: Iterable[Interest],
    scope: Scope,
    on: dt.date,
    managed: Mapping[int, Arrangement] | None = None,
) -> Assessment:
    """Where a person stands on a decision.

    `current` says whether their register is current; `managed` maps an interest's id to the
    arrangement recorded for it on this decision. A lapsed register comes first, because
    nothing on it can be relied on; then any arrangement that keeps the person out; then any
    interest nobody has managed.
    """
    managed = managed or {}
    findings = tuple(
        Finding(f.interest, f.organisation, f.products, managed.get(f.interest.id))
        for f in touching(interests, scope, on)
    )
    if not current:
        return Assessment(Standing.NOT_CURRENT, findings)
    if any(f.managed and not f.allows_decision for f in findings):
        return Assessment(Standing.KEPT_OUT, findings)
    if any(not f.managed for f in findings):
        return Assessment(Standing.CONFLICTED, findings)
    return Assessment(Standing.MANAGED if findings else Standing.CLEAR, findings)
