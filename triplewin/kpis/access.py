"""Which KPIs a person may see, and whose values they may record.

Seeing is decided by `partnerships.visibility` (only anonymised, aggregated data reaches a
company); these helpers put that rule in the terms the KPI pages use.

Recording values is a partnership lead's right, and also the KPI's owner's: the analyst or
nurse named as owner keeps the figures, whatever their role, while they work for a partner.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from triplewin.kpis.models import CompositeCriterion, Kpi
from triplewin.partnerships import access as project_access
from triplewin.partnerships.models import Project
from triplewin.partnerships.visibility import Visibility


def sees_all_kpis(user: Any, project: Project) -> bool:
    return Visibility.of(user, project).sees_nhs_only


def visible_kpis(user: Any, project: Project) -> QuerySet[Kpi]:
    return Visibility.of(user, project).kpis()


def kpi_or_404(user: Any, project: Project, kpi_pk: int) -> Kpi:
    """A KPI the user may see; a hidden one gets the same 404 as a missing one."""
    kpi = visible_kpis(user, project).select_related("owner").filter(pk=kpi_pk).first()
    if kpi is None:
        raise Http404("No such KPI.")
    return kpi


def may_record(user: Any, project: Project, kpi: Kpi) -> bool:
    """Whether the user may record this KPI's values (the project's state is checked apart)."""
    return project_access.can_do_own_work(user, project, kpi.owner_id)


def may_see(user: Any, project: Project, kpi: Kpi) -> bool:
    return Visibility.of(user, project).may_see_kpi(kpi)


def visible_criteria(user: Any, project: Project) -> QuerySet[CompositeCriterion]:
    """Criteria whose every condition is on a KPI the user may see."""
    return Visibility.of(user, project).criteria()


def criterion_or_404(user: Any, project: Project, pk: int) -> CompositeCriterion:
    criterion = visible_criteria(user, project).filter(pk=pk).first()
    if criterion is None:
        raise Http404("No such criterion.")
    return criterion
