"""Contribution fixtures: a project whose concept has been approved."""

from __future__ import annotations

from typing import Any

import pytest

from triplewin.partnerships.models import Project


def move_to(project: Project, state: str) -> Project:
    # Reaching later states properly needs other stages' records; their own tests cover those
    # gates, so here the state is set directly.
    Project.objects.filter(pk=project.pk).update(state=state)
    project.refresh_from_db()
    return project


@pytest.fixture
def approved(project: Any) -> Project:
    return move_to(project, "concept_approved")
