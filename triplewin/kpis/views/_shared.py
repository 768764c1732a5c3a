"""Helpers shared by the KPI views."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from triplewin.kpis import access
from triplewin.kpis.models import Kpi
from triplewin.kpis.services import DEFINABLE_IN, MEASURABLE_IN
from triplewin.partnerships import access as project_access
from triplewin.partnerships.models import Project


def back_to_dashboard(project: Project) -> dict[str, str]:
    return {"href": reverse("kpis:dashboard", args=[project.pk]), "text": "Back to KPIs"}


def abilities(user: Any, project: Project, kpi: Kpi | None = None) -> dict[str, bool]:
    """What the pages offer; on one KPI's page, `can_measure` counts its owner too."""
    editor = project_access.can_edit(user, project)
    recorder = access.may_record(user, project, kpi) if kpi else editor
    return {
        "can_define": editor and project.state_enum in DEFINABLE_IN,
        "can_measure": recorder and project.state_enum in MEASURABLE_IN,
        "sees_all": access.sees_all_kpis(user, project),
    }


def require_record(user: Any, project: Project, kpi: Kpi) -> None:
    if not access.may_record(user, project, kpi):
        raise PermissionDenied(
            "Only the partnership leads of a partner organisation, and the KPI's owner, "
            "can record its values."
        )
