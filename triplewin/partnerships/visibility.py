"""What one person may see of one project's records: the only place that decides it.

Only anonymised, aggregated data may be shared with a company (ABPI Code clause 20 and the
joint working checklist's red question on patient outcomes; ADR 0014). So a KPI not marked as
shared is NHS-only, and so is everything derived from it: its measurements, the criteria
with a condition on it, the audit events about any of them, and the counts and ratings it
feeds. Members of an NHS partner and the oversight leads of a partner's system see
everything; anyone whose link to the project is only through a partner outside the NHS sees
what is shared.

Pages ask `Visibility.of(user, project)`. Documents, status reports and anything else that
every partner reads or signs use `Visibility.shared(project)`: the partners approve the same
text, so it holds only what all of them may see.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from triplewin.audit.models import AuditEvent
from triplewin.kpis.models import CompositeCriterion, Kpi, Measurement
from triplewin.organisations.models import Membership, Organisation, Role, Sector
from triplewin.partnerships.models import Project

KPI_APP = "kpis."
CRITERION = "kpis.CompositeCriterion"
CONDITION = "kpis.CriterionCondition"
# Records of the KPI app that belong to the project rather than to one KPI: a site is a
# place where shared KPIs are measured too.
PROJECT_WIDE = frozenset({"kpis.Site"})

SHARED_ONLY_NOTE = "Only the KPIs shared with company partners are counted."
HISTORY_NOTE = "Changes to KPIs that are not shared with company partners are not listed."


def _sees_nhs_only(user: Any, project: Project) -> bool:
    if not user.is_authenticated:
        return False
    cached: dict[int, bool] = getattr(user, "_triplewin_nhs_only", {})
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
    user._triplewin_nhs_only = cached
    return allowed


@dataclass(frozen=True)
class Visibility:
    project: Project
    sees_nhs_only: bool

    @classmethod
    def of(cls, user: Any, project: Project) -> Visibility:
        return cls(project, _sees_nhs_only(user, project))

    @classmethod
    def of_organisation(cls, organisation: Organisation, project: Project) -> Visibility:
        """What a partner organisation as a whole may see: for a machine acting for it (an
        API token, ADR 0036). Only an NHS partner sees NHS-only data, as for its members."""
        return cls(
            project,
            organisation.sector is Sector.NHS
            and any(p.organisation_id == organisation.pk for p in project.partners.all()),
        )

    @classmethod
    def shared(cls, project: Project) -> Visibility:
        """What every partner may see: the view documents and reports are built from."""
        return cls(project, False)

    @property
    def note(self) -> str:
        """Said beside any count or rating made from KPIs, when some may be left out."""
        return "" if self.sees_nhs_only else SHARED_ONLY_NOTE

    def may_see_kpi(self, kpi: Kpi) -> bool:
        return kpi.project_id == self.project.pk and (self.sees_nhs_only or kpi.company_may_see)

    def kpis(self) -> QuerySet[Kpi]:
        return self.filter_kpis(Kpi.objects.filter(project=self.project))

    def filter_kpis(self, kpis: QuerySet[Kpi]) -> QuerySet[Kpi]:
        kpis = kpis.filter(project=self.project)
        return kpis if self.sees_nhs_only else kpis.filter(company_may_see=True)

    def measurements(self) -> QuerySet[Measurement]:
        """The recorded values of the KPIs this person (or organisation) may see."""
        return Measurement.objects.filter(kpi__in=self.kpis())

    def criteria(self) -> QuerySet[CompositeCriterion]:
        return self.filter_criteria(CompositeCriterion.objects.filter(project=self.project))

    def filter_criteria(
        self, criteria: QuerySet[CompositeCriterion]
    ) -> QuerySet[CompositeCriterion]:
        """Criteria whose every condition is on a KPI this person may see."""
        criteria = criteria.filter(project=self.project)
        if self.sees_nhs_only:
            return criteria
        return criteria.exclude(conditions__kpi__company_may_see=False)

    def audit_events(self) -> QuerySet[AuditEvent]:
        return self.filter_audit_events(AuditEvent.objects.for_project(self.project.pk))

    def filter_audit_events(self, events: QuerySet[AuditEvent]) -> QuerySet[AuditEvent]:
        """Events this person may read. Events about hidden records are left out whole.

        Left out rather than redacted: a line saying "an NHS-only KPI changed" would count
        the hidden KPIs and date their values, which is the figure a company may not have.
        It fails closed: an event of the KPI app that cannot be tied to a visible KPI or
        criterion (a KPI since removed, a record of a kind added later) is left out too.
        """
        events = events.filter(project_id=self.project.pk)
        if self.sees_nhs_only:
            return events
        kpi_ids = list(self.kpis().values_list("pk", flat=True))
        criteria = list(self.criteria().values_list("pk", "name"))
        names = [name for _, name in criteria]
        # A condition names its criterion, which hides with any of its conditions; the name
        # is how a removed condition's event still finds it (names are unique in a project).
        in_visible_criterion = Q(changes__criterion__0__in=names) | Q(
            changes__criterion__1__in=names
        )
        tied_to_visible = (
            (Q(kpi_id__in=kpi_ids) & ~Q(object_type=CONDITION))
            | (Q(object_type=CONDITION, kpi_id__in=kpi_ids) & in_visible_criterion)
            | Q(object_type=CRITERION, object_id__in=[str(pk) for pk, _ in criteria])
        )
        about_kpi_app = Q(object_type__startswith=KPI_APP) & ~Q(object_type__in=PROJECT_WIDE)
        return events.exclude(Q(kpi_id__isnull=False) & ~Q(kpi_id__in=kpi_ids)).exclude(
            about_kpi_app & ~tied_to_visible
        )
