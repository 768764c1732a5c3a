"""The records a PID is assembled from, loaded once and handed to every section provider."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from triplewin.concept.models import ConceptFramework
from triplewin.partnerships.models import Project, ProjectPartner
from triplewin.pid.models import Pid


@dataclass(frozen=True)
class Sources:
    project: Project
    concept: ConceptFramework | None
    pid: Pid | None
    partners: tuple[ProjectPartner, ...]

    @classmethod
    def load(cls, project: Project) -> Sources:
        # Read afresh: a hash taken from a stale instance would bind sign-off to old content.
        project = Project.objects.get(pk=project.pk)
        return cls(
            project=project,
            concept=ConceptFramework.objects.filter(project=project).first(),
            pid=Pid.objects.filter(project=project).first(),
            partners=tuple(
                ProjectPartner.objects.filter(project=project)
                .select_related("organisation", "lead")
                .order_by("organisation__name")
            ),
        )


def person(user: Any) -> str:
    if user is None:
        return ""
    return str(user.get_full_name() or user.get_username())
