"""Who may see and do what with a project. Views call these; nothing else decides access."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from triplewin.organisations.models import DECISION_ROLES, Membership, Organisation, Role
from triplewin.partnerships.models import Project


def _memberships(user: Any) -> list[Membership]:
    if not user.is_authenticated:
        return []
    cached: list[Membership] | None = getattr(user, "_triplewin_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("organisation"))
        user._triplewin_memberships = cached
    return cached


def visible_project_or_404(user: Any, pk: int) -> Project:
    """A project the user may see; anyone else gets the same 404 as for a missing project."""
    project = (
        Project.objects.visible_to(user)
        .prefetch_related("partners__organisation")
        .filter(pk=pk)
        .first()
    )
    if project is None:
        raise Http404("No such project.")
    return project


def _partner_ids(project: Project) -> set[int]:
    return {p.organisation_id for p in project.partners.all()}


def can_create_project(user: Any) -> bool:
    return any(m.role == Role.PARTNERSHIP_LEAD for m in _memberships(user))


def lead_organisations(user: Any) -> list[Organisation]:
    return [m.organisation for m in _memberships(user) if m.role == Role.PARTNERSHIP_LEAD]


def can_edit(user: Any, project: Project) -> bool:
    """Partnership leads of a partner organisation edit the project's working records."""
    partners = _partner_ids(project)
    return any(
        m.role == Role.PARTNERSHIP_LEAD and m.organisation_id in partners
        for m in _memberships(user)
    )


def can_do_own_work(user: Any, project: Project, owner_id: int | None) -> bool:
    """Leads may change any record; the person a record names as its owner may do their own
    part of it (record a KPI's values, mark an action done) whatever their role, while they
    still hold a membership of one of the partners. Nothing else widens with ownership."""
    if can_edit(user, project):
        return True
    if not user.is_authenticated or owner_id != user.pk:
        return False
    partners = _partner_ids(project)
    return any(m.organisation_id in partners for m in _memberships(user))


def decision_organisations(user: Any, project: Project) -> list[Organisation]:
    """Partner organisations on whose behalf this user may approve or reject."""
    partners = _partner_ids(project)
    seen: dict[int, Organisation] = {}
    for m in _memberships(user):
        if m.role in DECISION_ROLES and m.organisation_id in partners:
            seen[m.organisation_id] = m.organisation
    return list(seen.values())
