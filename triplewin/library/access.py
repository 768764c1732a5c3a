"""Who may see and change a case study. Views ask here; nothing else decides.

Published studies are public. A draft is seen only by the people who may edit it: the
partnership leads of its project's partner organisations, or, for a study that belongs to no
project (an import), Triple Win's staff. Everyone else gets the same 404 as for a study that
does not exist, so drafts do not leak even their existence.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import Http404

from triplewin.core.lifecycle import State
from triplewin.library import selectors
from triplewin.library.models import CaseStudy, CaseStudyQuerySet
from triplewin.organisations.models import Membership, Role
from triplewin.partnerships import access as project_access
from triplewin.partnerships.models import Project, ProjectPartner


def is_staff(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_staff)


def can_edit(user: Any, case_study: CaseStudy) -> bool:
    if not user.is_authenticated:
        return False
    if case_study.project_id is not None:
        assert case_study.project is not None
        return project_access.can_edit(user, case_study.project)
    return is_staff(user)


def can_view(user: Any, case_study: CaseStudy) -> bool:
    return case_study.is_published or can_edit(user, case_study)


def _fetch(pk: int) -> CaseStudy | None:
    return selectors.with_everything(CaseStudy.objects.filter(pk=pk)).first()


def case_study_or_404(user: Any, pk: int) -> CaseStudy:
    case_study = _fetch(pk)
    if case_study is None or not can_view(user, case_study):
        raise Http404("No such case study.")
    return case_study


def editable_or_404(user: Any, pk: int) -> CaseStudy:
    """404 for anyone who may not see the study; 403 for those who may see but not change it."""
    case_study = case_study_or_404(user, pk)
    if not can_edit(user, case_study):
        raise PermissionDenied(
            "Only the partnership leads of the project's partner organisations can change this "
            "case study."
        )
    return case_study


def _lead_partner(user: Any) -> Exists:
    leads = Membership.objects.filter(user=user, role=Role.PARTNERSHIP_LEAD).values(
        "organisation_id"
    )
    return Exists(
        ProjectPartner.objects.filter(project=OuterRef("project_id"), organisation_id__in=leads)
    )


def drafts_for(user: Any) -> CaseStudyQuerySet:
    """The drafts this user may see and edit."""
    if not user.is_authenticated:
        return CaseStudy.objects.none()
    condition = Q(project__isnull=False) & Q(_lead_partner(user))
    if is_staff(user):
        condition |= Q(project__isnull=True)
    return CaseStudy.objects.drafts().filter(condition).order_by("-updated_at", "-pk")


def projects_ready_for_a_case_study(user: Any) -> list[Project]:
    """Finished projects this user leads for that have no case study yet."""
    if not user.is_authenticated:
        return []
    candidates = (
        Project.objects.visible_to(user)
        .filter(state=State.OUTCOMES_PUBLISHED, case_study__isnull=True)
        .prefetch_related("partners__organisation")
        .order_by("title")
    )
    return [p for p in candidates if project_access.can_edit(user, p)]
