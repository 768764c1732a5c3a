"""Reads about the plans, for the rules, the overview page and the PID."""

from __future__ import annotations

from triplewin.partnerships.models import Project
from triplewin.plans.models import DataItem
from triplewin.plans.registry import PLANS


def plans_for_pid(project: Project) -> dict[str, list[dict[str, str]]]:
    """Each plan's name, in guidance order, with its entries as label -> text in display order."""
    return {spec.name: [spec.describe(e) for e in spec.entries(project)] for spec in PLANS}


def plans_missing(project: Project) -> tuple[str, ...] | None:
    """None when no plan has been started; otherwise the names of the plans still empty."""
    empty = tuple(
        spec.name
        for spec in PLANS
        if not spec.model._default_manager.filter(project=project).exists()
    )
    return None if len(empty) == len(PLANS) else empty


def data_shared_not_anonymised(project: Project) -> tuple[str, ...]:
    """What each data item a company sees is, where it is not both anonymised and aggregated."""
    return tuple(
        item.what
        for item in DataItem.objects.filter(project=project, shared_with_company=True).order_by(
            "pk"
        )
        if item.company_sees_identifiable
    )
