"""Reads about contributions, for the rules, the pages and the PID."""

from __future__ import annotations

from decimal import Decimal

from triplewin.contributions.models import Contribution
from triplewin.core import contributions as core
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
            "Beyond normal day-to-day roles": c.beyond_normal_roles if c.is_funded_post else "",
            "Precautions against retaining staff": (
                c.retention_precautions if c.is_funded_post else ""
            ),
            "Employment law compliance confirmed": (
                ("Yes" if c.employment_law_confirmed else "No") if c.is_funded_post else ""
            ),
        }
        for c in contributions_of(project)
    ]


def proportionality_of(
    project: Project, items: list[Contribution] | None = None
) -> core.Proportionality:
    """Each partner's totals and whether it passes the significance test."""
    partners = sorted(p.organisation.name for p in project.partners.all())
    return core.proportionality(
        partners,
        (
            core.Item(c.organisation.name, c.kind, c.value, c.hours)
            for c in (contributions_of(project) if items is None else items)
        ),
    )


def parties_without_significant_contribution(project: Project) -> tuple[str, ...] | None:
    """None when nothing is recorded yet; else each partner failing the significance test."""
    items = contributions_of(project)
    return core.insignificant(proportionality_of(project, items)) if items else None


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


def funded_post_gaps(c: Contribution) -> tuple[str, ...]:
    """The guidance's questions about one industry-funded post that are still unanswered."""
    if not c.is_funded_post:
        return ()
    gaps = []
    if not c.under_nhs_control:
        gaps.append("not under NHS control")
    if not c.beyond_normal_roles.strip():
        gaps.append("what it adds beyond normal day-to-day roles")
    if not c.retention_precautions.strip():
        gaps.append("precautions against using the funding to retain staff")
    if not c.employment_law_confirmed:
        gaps.append("employment law compliance not confirmed")
    return tuple(gaps)


def funded_posts_without_safeguards(project: Project) -> tuple[str, ...]:
    """Each industry-funded post with a question the guidance raises still open."""
    return tuple(
        f"{c.organisation.name}: {c.role or c.description[:60]} ({'; '.join(gaps)})"
        for c in contributions_of(project)
        if (gaps := funded_post_gaps(c))
    )
