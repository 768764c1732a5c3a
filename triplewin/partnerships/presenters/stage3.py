"""The Stage 3 task list on the project page: delivery, monitoring, transparency and outcomes."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from triplewin.core.rules import ProjectFacts
from triplewin.partnerships.models import Project
from triplewin.partnerships.presenters.tags import DONE, NOT_STARTED, OPEN, status_tag


def _delivery_status(facts: ProjectFacts) -> dict[str, Any]:
    if facts.completed_on:
        return status_tag(f"Ended {facts.completed_on:%d %B %Y}", "green")
    if facts.actual_start:
        return status_tag(f"In delivery since {facts.actual_start:%d %B %Y}", "blue")
    return NOT_STARTED


def _transfers_status(facts: ProjectFacts) -> dict[str, Any]:
    if facts.undisclosed_tov_years:
        years = ", ".join(str(y) for y in facts.undisclosed_tov_years)
        return status_tag(f"Disclosure overdue: {years}", "red")
    return OPEN


def _outcomes_status(facts: ProjectFacts) -> dict[str, Any]:
    if facts.outcomes_published_on:
        return status_tag(f"Published {facts.outcomes_published_on:%d %B %Y}", "green")
    if facts.completed_on:
        return status_tag("Due within six months of the end", "orange")
    return NOT_STARTED


def _item(text: str, url_name: str, pk: int, status: dict[str, Any]) -> dict[str, Any]:
    return {"title": {"text": text}, "href": reverse(url_name, args=[pk]), "status": status}


def stage3_tasks(project: Project, facts: ProjectFacts) -> list[dict[str, Any]]:
    """Empty until the executive summary is public: delivery starts after that."""
    if facts.summary_published_on is None:
        return []
    pk = project.pk
    return [
        _item(
            "Delivery: milestones, risks and status reports",
            "delivery:dashboard",
            pk,
            _delivery_status(facts),
        ),
        _item("Key performance indicators", "kpis:dashboard", pk, OPEN),
        _item("Amendments to the PID", "amendments:list", pk, OPEN),
        _item(
            "Transfers of value and Disclosure UK", "transfers:list", pk, _transfers_status(facts)
        ),
        _item("Deadlines and reporting", "obligations:project", pk, OPEN),
        _item("Summary of project outcomes", "outcomes:detail", pk, _outcomes_status(facts)),
        _item(
            "Lessons, survey and principles",
            "learning:overview",
            pk,
            DONE if facts.outcomes_published_on else OPEN,
        ),
        _item("Similar partnerships in the case study library", "library:similar", pk, OPEN),
    ]
