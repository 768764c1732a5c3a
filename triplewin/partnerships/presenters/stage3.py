"""The Stage 3 task list on the project page: delivery, monitoring, transparency and outcomes."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from triplewin.core.dates import long_date
from triplewin.core.outcomes import due_on as outcomes_due_on
from triplewin.core.rules import ProjectFacts
from triplewin.library.selectors import CaseStudyLink
from triplewin.partnerships.models import Project
from triplewin.partnerships.presenters.tags import DONE, NOT_STARTED, OPEN, status_tag


def _delivery_status(facts: ProjectFacts) -> dict[str, Any]:
    if facts.ended_on and facts.terminated:
        return status_tag(f"Stopped early {long_date(facts.ended_on)}", "red")
    if facts.ended_on:
        return status_tag(f"Ended {long_date(facts.ended_on)}", "green")
    if facts.actual_start:
        return status_tag(f"In delivery since {long_date(facts.actual_start)}", "blue")
    return NOT_STARTED


def _transfers_status(facts: ProjectFacts) -> dict[str, Any]:
    if facts.undisclosed_tov_years:
        years = ", ".join(str(y) for y in facts.undisclosed_tov_years)
        return status_tag(f"Disclosure overdue: {years}", "red")
    return OPEN


def _outcomes_status(facts: ProjectFacts) -> dict[str, Any]:
    if facts.outcomes_published_on:
        return status_tag(f"Published {long_date(facts.outcomes_published_on)}", "green")
    if facts.ended_on:
        due = outcomes_due_on(facts.ended_on)
        if facts.today > due:
            return status_tag(f"Overdue since {long_date(due)}", "red")
        return status_tag(f"Due by {long_date(due)}", "orange")
    return NOT_STARTED


def _item(text: str, url_name: str, pk: int, status: dict[str, Any]) -> dict[str, Any]:
    return {"title": {"text": text}, "href": reverse(url_name, args=[pk]), "status": status}


CASE_STUDY_TASK = "Case study for the library"


def case_study_task(
    project: Project, facts: ProjectFacts, study: CaseStudyLink | None, *, can_edit: bool
) -> dict[str, Any]:
    """Links only where the reader may follow: drafts and drafting are for the project's leads."""
    title = {"text": CASE_STUDY_TASK}
    if study is not None and study.published:
        detail = reverse("library:detail", args=[study.pk])
        return {"title": title, "href": detail, "status": status_tag("Published", "green")}
    if study is not None:
        draft = reverse("library:detail", args=[study.pk]) if can_edit else None
        return {"title": title, "href": draft, "status": status_tag("Draft", "blue")}
    if facts.outcomes_published_on is None:
        return {"title": title, "status": {"text": "After the outcomes are published"}}
    # Drafting is a button on the published outcomes summary, so the task leads there.
    drafting = f"{reverse('outcomes:detail', args=[project.pk])}#case-study" if can_edit else None
    return {"title": title, "href": drafting, "status": NOT_STARTED}


def stage3_tasks(
    project: Project,
    facts: ProjectFacts,
    *,
    study: CaseStudyLink | None = None,
    can_edit: bool = False,
) -> list[dict[str, Any]]:
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
        case_study_task(project, facts, study, can_edit=can_edit),
    ]
