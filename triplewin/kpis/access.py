"""Which KPIs a person may see, and whose values they may record.

Reading follows the project's visibility, with one narrowing: only anonymised, aggregated
data may be shared with a company. So people whose only link to the project is a non-NHS
partner (a company, or another partner outside the NHS) see only the KPIs marked as shared.
Members of an NHS partner and the system's oversight leads see every KPI.

Recording values is a partnership lead's right, and also the KPI's owner's: the analyst or
nurse named as owner keeps the figures, whatever their role, while they work for a partner.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from triplewin.kpis.models import CompositeCriterion, Kpi
from triplewin.organisations.models import Membership, Role, Sector
from triplewin.partnerships import access as project_access
from triplewin.partnerships.models import Project


def sees_all_kpis(user: Any, project: Project) -> bool:
    if not user.is_authenticated:
        return False
    cached: dict[int, bool] = getattr(user, "_triplewin_kpi_access", {})
    if project.pk in cached:
        return cached[project.pk]
    partners = [p.organisation for p in project.partners.all()]
    nhs_partners = {o.pk for o in partners if o.sector is Sector.NHS}
    systems = {o.pk for o in partners} | {o.system_id for o in partners if o.system_id}
    allowed = any(
        m.organisation_id in nhs_partners
        or (m.role == Role.SYSTEM_OVERSIGHT and m.organisation_id in systems)
        for m in Membership.objects.filter(user=user).only("organisation_id", "role")
    )
    cached[project.pk] = allowed
    user._triplewin_kpi_access = cached
    return allowed


def visible_kpis(user: Any, project: Project) -> QuerySet[Kpi]:
    kpis = Kpi.objects.filter(project=project)
    return kpis if sees_all_kpis(user, project) else kpis.filter(company_may_see=True)


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
    """The rule of `visible_kpis`, for one KPI already loaded."""
    return kpi.company_may_see or sees_all_kpis(user, project)


def visible_criteria(user: Any, project: Project) -> QuerySet[CompositeCriterion]:
    """Criteria whose every condition is on a KPI the user may see."""
    criteria = CompositeCriterion.objects.filter(project=project)
    if sees_all_kpis(user, project):
        return criteria
    return criteria.exclude(conditions__kpi__company_may_see=False)


def criterion_or_404(user: Any, project: Project, pk: int) -> CompositeCriterion:
    criterion = visible_criteria(user, project).filter(pk=pk).first()
    if criterion is None:
        raise Http404("No such criterion.")
    return criterion
