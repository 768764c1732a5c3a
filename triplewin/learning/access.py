"""Who may do what with a project's learning records, beyond reading them."""

from __future__ import annotations

from typing import Any

from triplewin.partnerships import access
from triplewin.partnerships.models import Project
from triplewin.team.models import TeamMember


def can_self_assess(user: Any, project: Project) -> bool:
    """Any member of the project: its partnership leads and everyone on its team."""
    if not user.is_authenticated:
        return False
    return (
        access.can_edit(user, project)
        or TeamMember.objects.active().filter(project=project, user=user).exists()
    )
