"""Small builders for team, conflicts and meetings tests. Every write goes through a service."""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from django.utils import timezone

from tests import factories
from triplewin.conflicts import services as conflict_services
from triplewin.conflicts.selectors import has_current_declaration
from triplewin.partnerships import services as project_services
from triplewin.partnerships.models import Project
from triplewin.team import services as team_services
from triplewin.team.models import TeamMember

# The main path, one step at a time, so a test can put a project in any working state.
MAIN_PATH_STEPS = (
    ("start_scoping", "scoping"),
    ("approve_concept", "concept_approved"),
    ("start_setup", "setup"),
    ("approve_pid", "pid_approved"),
    ("sign_agreement", "agreement_signed"),
    ("publish_summary", "summary_published"),
    ("start_delivery", "in_delivery"),
    ("complete", "completed"),
    ("publish_outcomes", "outcomes_published"),
)


def advance(project: Project, actor: Any, to: str) -> Project:
    """Walk the project along the main path to `to`, as an imported history would."""
    steps: list[tuple[str, dt.date]] = []
    for name, state in MAIN_PATH_STEPS:
        if project.state == state:
            steps = []
            continue
        steps.append((name, timezone.localdate()))
        if state == to:
            break
    project_services.project_import_history(
        actor=actor, project=project, steps=steps, reason="Set up for a test"
    )
    project.refresh_from_db()
    assert project.state == to
    return project


def nil_return(user: Any) -> None:
    conflict_services.nil_return_make(actor=user)


def declare(user: Any, organisation: Any, **extra: Any) -> Any:
    details: dict[str, Any] = {
        "category": "financial",
        "interest_type": "shareholdings",
        "description": "Holds shares worth about £5,000.",
        "valid_from": dt.date(2024, 1, 1),
        "organisation": organisation,
    }
    details.update(extra)
    return conflict_services.declaration_add(actor=user, **details)


def add_member(
    project: Project, actor: Any, user: Any, organisation: Any, role: str = "partnership_lead"
) -> TeamMember:
    """Put someone on the team, making a nil return for them first if they need one."""
    if not has_current_declaration(user, timezone.localdate()):
        nil_return(user)
    return team_services.team_member_add(
        actor=actor, project=project, user=user, organisation=organisation, project_role=role
    )


def sales_person(pharma_org: Any) -> Any:
    return factories.member("sales.rep@example.test", pharma_org, "administrator", function="sales")


def field_error(response: Any, name: str) -> str:
    """The error message rendered next to one form field, or "" if there is none."""
    body = response.content.decode()
    found = re.search(
        rf'id="id_{name}-error"\s*>\s*<span[^>]*>Error: </span>(.*?)</span>', body, re.S
    )
    return html.unescape(found.group(1)).strip() if found else ""
