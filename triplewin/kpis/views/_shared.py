"""Helpers shared by the KPI views."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from triplewin.kpis import access
from triplewin.kpis.services import DEFINABLE_IN, MEASURABLE_IN
from triplewin.partnerships import access as project_access
from triplewin.partnerships.models import Project


def back_to_dashboard(project: Project) -> dict[str, str]:
    return {"href": reverse("kpis:dashboard", args=[project.pk]), "text": "Back to KPIs"}


def abilities(user: Any, project: Project) -> dict[str, bool]:
    editor = project_access.can_edit(user, project)
    return {
        "can_define": editor and project.state_enum in DEFINABLE_IN,
        "can_measure": editor and project.state_enum in MEASURABLE_IN,
        "sees_all": access.sees_all_kpis(user, project),
    }
