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
        "controller": "Test NHS Trust",
        "sharing_basis": "dsa",
        "sharing_reference": "Project data sharing agreement",
        "dpia": "signed_off",
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
    "digital-tools": {
        "name": "Skin lesion triage app",
        "supplier": "Example Health Ltd",
        "use": "Photographs suspected skin cancers for remote triage.",
        "safety_officer": "Dr A Safety, trust clinical safety officer",
        "dcb0160_record": "Clinical safety case CSC-12",
        "dcb0160_approved": True,
    },
    "evaluation": {
        "evaluator": "University of Example evaluation unit",
        "independence": "independent",
        "methods": "Before-and-after comparison with interviews of patients and staff.",
        "reporting": "Final report at month 12",
    },
    "sustainability": {
        "service": "Community review clinic",
        "commissioner": "The ICB's long-term conditions commissioning team",
        "evidence_needed": "Cost per review and admissions avoided over twelve months.",
        "handover": "Practice nurses trained and shadowed; protocols handed to the trust.",
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
        "controller": "Test NHS Trust",
        "sharing_basis": "dsa",
        "sharing_reference": "Project data sharing agreement",
        "dpia": "signed_off",
    },
    "patient-engagement": dict(VALID["patient-engagement"]),
    "raci": dict(VALID["raci"]),
    "digital-tools": {**VALID["digital-tools"], "dcb0160_approved": "on"},
    "evaluation": dict(VALID["evaluation"]),
    "sustainability": dict(VALID["sustainability"]),
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
