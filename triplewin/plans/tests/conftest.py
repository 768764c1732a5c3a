"""Plan fixtures: a project in set-up, and valid entries for each plan."""

from __future__ import annotations

from typing import Any

import pytest

from triplewin.partnerships.models import Project

# One valid entry per plan, as the services take it.
VALID: dict[str, dict[str, Any]] = {
    "stakeholders": {
        "name": "Practice nurses",
        "scope": "internal",
        "impacted": True,
        "can_help_or_block": True,
        "to_involve": False,
        "to_keep_informed": True,
        "notes": "Run most of the reviews.",
    },
    "communications": {
        "audience": "GP practices",
        "message": "How to refer a patient for review",
        "channel": "PCN bulletin",
        "timing": "Monthly",
        "owner": "PCN manager",
    },
    "data": {
        "what": "Reviews completed per practice",
        "source": "Clinical system searches",
        "collected_by": "PCN analyst",
        "frequency": "Monthly",
        "shared_with_company": True,
        "anonymised": True,
        "aggregated": True,
    },
    "patient-engagement": {
        "kind": "pathway_mapping",
        "description": "Workshop with patients and staff to map the current route to diagnosis.",
        "timing": "Month two",
    },
    "raci": {
        "activity": "Approve the search criteria",
        "responsible": "PCN pharmacist",
        "accountable": "Clinical director",
        "consulted": "Company medical adviser",
        "informed": "Practice managers",
    },
}

# The same entries as a browser posts them.
POSTS: dict[str, dict[str, Any]] = {
    "stakeholders": {
        "name": "Practice nurses",
        "scope": "internal",
        "flags": ["impacted", "can_help_or_block", "to_keep_informed"],
        "notes": "Run most of the reviews.",
    },
    "communications": dict(VALID["communications"]),
    "data": {
        "what": "Reviews completed per practice",
        "source": "Clinical system searches",
        "collected_by": "PCN analyst",
        "frequency": "Monthly",
        "handling": ["shared_with_company", "anonymised", "aggregated"],
    },
    "patient-engagement": dict(VALID["patient-engagement"]),
    "raci": dict(VALID["raci"]),
}


def move_to(project: Project, state: str) -> Project:
    # Reaching later states properly needs other stages' records; their own tests cover those
    # gates, so here the state is set directly.
    Project.objects.filter(pk=project.pk).update(state=state)
    project.refresh_from_db()
    return project


@pytest.fixture
def in_setup(project: Any) -> Project:
    return move_to(project, "setup")
