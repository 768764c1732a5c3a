"""Display logic for the contributions list and the proportionality view."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from triplewin.contributions.models import Contribution, Kind
from triplewin.contributions.selectors import (
    contributions_of,
    funded_post_text,
    funded_posts_without_safeguards,
    proportionality_of,
)
from triplewin.contributions.services import EDITABLE_IN
from triplewin.core import contributions as core
from triplewin.partnerships.models import Project

KIND_LABELS = dict(Kind.choices)
CONCERN_TEXT = {
    core.Concern.NOTHING: "Nothing recorded yet. Every party must make a significant contribution.",
    core.Concern.ONLY_MINOR: (
        "Nothing is valued and no hours are given, so this does not yet count as significant. "
        "Add the staff hours or an estimated value."
    ),
    core.Concern.SMALL_SHARE: (
        f"Under {core.percent(core.SIGNIFICANT_SHARE)} of the valued total and under "
        f"{core.SIGNIFICANT_HOURS} hours of staff time, so this does not yet count as "
        "significant. Record unvalued staff time, skills or data too."
    ),
    core.Concern.FEW_HOURS: (
        f"Under {core.SIGNIFICANT_HOURS} hours of staff time and nothing valued in money, so "
        "this does not yet count as significant. Add the rest of the time given, or a value."
    ),
}


def _number(value: Decimal) -> str:
    return f"{value.normalize():,f}" if value else "0"


@dataclass(frozen=True)
class ItemRow:
    pk: int
    kind: str
    description: str
    role: str
    hours: str
    value: str
    funded_post: str
    exit_strategy: str
    needs_exit: bool


@dataclass(frozen=True)
class PartyGroup:
    organisation: str
    items: tuple[ItemRow, ...]


def _row(c: Contribution) -> ItemRow:
    return ItemRow(
        pk=c.pk,
        kind=c.get_kind_display(),
        description=c.description,
        role=c.role,
        hours="" if c.hours is None else _number(c.hours),
        value="Not valued" if c.value is None else f"£{c.value:,.0f}",
        funded_post=funded_post_text(c),
        exit_strategy=c.exit_strategy,
        needs_exit=c.is_funded_post and not c.exit_strategy.strip(),
    )


class ContributionsPresenter:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.items = contributions_of(project)

    @property
    def editable(self) -> bool:
        return self.project.state_enum in EDITABLE_IN

    def groups(self) -> list[PartyGroup]:
        partners = [p.organisation.name for p in self.project.partners.all()]
        names = sorted(set(partners) | {c.organisation.name for c in self.items})
        return [
            PartyGroup(name, tuple(_row(c) for c in self.items if c.organisation.name == name))
            for name in names
        ]

    def posts_with_open_questions(self) -> tuple[str, ...]:
        """Funded posts whose NHS control, additionality, retention or employment is unsettled."""
        return funded_posts_without_safeguards(self.project)

    def posts_without_exit(self) -> list[str]:
        return [
            f"{c.organisation.name}: {c.role or c.description}"
            for c in self.items
            if c.is_funded_post and not c.exit_strategy.strip()
        ]


def _by_kind(counts: Mapping[str, int]) -> str:
    labelled = sorted((KIND_LABELS.get(kind, kind), n) for kind, n in counts.items())
    return ", ".join(f"{label}: {n}" for label, n in labelled) or "None"


@dataclass(frozen=True)
class PartyRow:
    party: str
    items: int
    by_kind: str
    value: str
    hours: str
    share: str
    check: str


class ProportionalityPresenter:
    def __init__(self, project: Project) -> None:
        self.result = proportionality_of(project)

    def rows(self) -> list[PartyRow]:
        return [
            PartyRow(
                party=p.party,
                items=p.items,
                by_kind=_by_kind(p.by_kind),
                value=f"£{p.value:,.0f}" if p.value else "Not valued",
                hours=_number(p.hours),
                share=core.percent(p.share) or "No valued total",
                check=CONCERN_TEXT[p.concern] if p.concern else "",
            )
            for p in self.result.parties
        ]

    @property
    def total_value(self) -> str:
        return f"£{self.result.total_value:,.0f}"

    @property
    def total_hours(self) -> str:
        return _number(self.result.total_hours)

    @property
    def to_check(self) -> int:
        return len(self.result.to_check)
