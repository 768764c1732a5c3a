"""Reads about contributions, for the rules, the pages and the PID."""

from __future__ import annotations

from decimal import Decimal

from triplewin.contributions.models import Contribution
from triplewin.partnerships.models import Project


def contributions_of(project: Project) -> list[Contribution]:
    return list(
        Contribution.objects.filter(project=project)
        .select_related("organisation")
        .order_by("organisation__name", "kind", "pk")
    )


def _money(value: Decimal | None) -> str:
    return "" if value is None else f"£{value:,.0f}"


def _hours(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():f} hours" if value != 1 else "1 hour"


def funded_post_text(c: Contribution) -> str:
    if not c.is_funded_post:
        return "No"
    return "Yes, under NHS control" if c.under_nhs_control else "Yes, not under NHS control"


def contributions_for_pid(project: Project) -> list[dict[str, str]]:
    """Each contribution as label -> text, by organisation; empty text means not recorded."""
    return [
        {
            "Organisation": c.organisation.name,
            "Kind": c.get_kind_display(),
            "Description": c.description,
            "Role": c.role,
            "Hours": _hours(c.hours),
            "Value": _money(c.value),
            "Industry-funded NHS post": funded_post_text(c),
            "Exit strategy": c.exit_strategy if c.is_funded_post else "",
        }
        for c in contributions_of(project)
    ]


def parties_without_contribution(project: Project) -> tuple[str, ...] | None:
    """None when nothing is recorded yet; else the partner organisations that bring nothing."""
    contributing = set(
        Contribution.objects.filter(project=project).values_list("organisation_id", flat=True)
    )
    if not contributing:
        return None
    return tuple(
        p.organisation.name
        for p in sorted(project.partners.all(), key=lambda p: p.organisation.name)
        if p.organisation_id not in contributing
    )


def funded_posts_without_exit(project: Project) -> tuple[str, ...] | None:
    """None when nothing is recorded yet; else each funded post with no exit strategy."""
    items = contributions_of(project)
    if not items:
        return None
    return tuple(
        f"{c.organisation.name}: {c.role or c.description[:60]}"
        for c in items
        if c.is_funded_post and not c.exit_strategy.strip()
    )
