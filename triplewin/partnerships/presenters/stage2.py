"""The Stage 2 task list on the project page, with statuses read from the rules facts."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from triplewin.core.dates import long_date
from triplewin.core.lifecycle import State
from triplewin.core.rules import ProjectFacts
from triplewin.core.wording import counted
from triplewin.partnerships.models import Project
from triplewin.partnerships.presenters.tags import (
    DONE,
    NOT_STARTED,
    OPEN,
    status_tag,
    unless_imported,
)

BEFORE_SETUP = frozenset({State.IDEA, State.SCOPING, State.WITHDRAWN})


def _list_status(missing: tuple[str, ...] | None, gap: str) -> dict[str, Any]:
    if missing is None:
        return NOT_STARTED
    if missing:
        return status_tag(f"{gap}: {len(missing)}", "orange")
    return DONE


def _team_status(f: ProjectFacts) -> dict[str, Any]:
    if f.team_size is None:
        return NOT_STARTED
    if f.team_sales_members or f.team_undeclared_members or f.open_objections:
        return status_tag("Needs attention", "red")
    return status_tag(counted(f.team_size, "member"), "blue")


def _pid_status(f: ProjectFacts) -> dict[str, Any]:
    if f.pid_missing_sections is None:
        return NOT_STARTED
    if f.pid_changed_since_approval:
        return status_tag("Changed since approval", "red")
    if f.pid_approved:
        return DONE
    if f.pid_certified:
        return status_tag("Certified, awaiting approvals", "orange")
    if f.pid_missing_sections:
        return status_tag(f"{counted(len(f.pid_missing_sections), 'section')} missing", "blue")
    return status_tag("Ready to submit or awaiting sign-off", "blue")


def _agreement_status(f: ProjectFacts) -> dict[str, Any]:
    if f.agreement_missing_clauses is None:
        return NOT_STARTED
    if f.agreement_missing_clauses:
        return status_tag(f"{counted(len(f.agreement_missing_clauses), 'clause')} missing", "blue")
    if f.agreement_unsigned_parties:
        return status_tag(
            f"Awaiting {counted(len(f.agreement_unsigned_parties), 'signature')}", "orange"
        )
    if f.agreement_unsigned_parties is None:
        return status_tag("No parties named", "blue")
    return DONE


def _summary_status(f: ProjectFacts) -> dict[str, Any]:
    if f.summary_published_on:
        return status_tag(f"Published {long_date(f.summary_published_on)}", "green")
    if f.summary_certified is None:
        return NOT_STARTED
    return status_tag("Certified", "orange") if f.summary_certified else status_tag("Draft", "blue")


def stage2_tasks(
    project: Project, facts: ProjectFacts, imported: frozenset[State] = frozenset()
) -> list[dict[str, Any]]:
    """Empty until the concept is approved: Stage 2 work only starts then."""
    if project.state_enum in BEFORE_SETUP:
        return []
    pk = [project.pk]

    def before(status: dict[str, Any], step: State) -> dict[str, Any]:
        return unless_imported(status, imported, step)

    return [
        {
            "title": {"text": "Project team and governance committees"},
            "href": reverse("team:detail", args=pk),
            "status": before(_team_status(facts), State.PID_APPROVED),
        },
        {
            "title": {"text": "Meetings, decisions and actions"},
            "href": reverse("meetings:list", args=pk),
            "status": OPEN,
        },
        {
            "title": {"text": "Contributions from each party"},
            "href": reverse("contributions:list", args=pk),
            "status": before(
                _list_status(facts.parties_without_significant_contribution, "Not yet significant"),
                State.PID_APPROVED,
            ),
        },
        {
            "title": {"text": "Stakeholder, communications, data, engagement and RACI plans"},
            "href": reverse("plans:overview", args=pk),
            "status": before(_list_status(facts.plans_missing, "Plans empty"), State.PID_APPROVED),
        },
        {
            # Kept from the concept onwards, and carried into the PID's project plan.
            "title": {"text": "Milestones, risks and issues"},
            "href": reverse("delivery:dashboard", args=pk),
            "status": OPEN,
        },
        {
            "title": {"text": "Project initiation document (PID)"},
            "href": reverse("pid:overview", args=pk),
            "status": before(_pid_status(facts), State.PID_APPROVED),
        },
        {
            "title": {"text": "Collaborative or joint working agreement"},
            "href": reverse("agreement:detail", args=pk),
            "status": before(_agreement_status(facts), State.AGREEMENT_SIGNED),
        },
        {
            "title": {"text": "Executive summary"},
            "href": reverse("executive_summary:detail", args=pk),
            "status": before(_summary_status(facts), State.SUMMARY_PUBLISHED),
        },
    ]
