"""Builders for the outcomes and learning tests; every write goes through a service.

`wire_facts` stands in for the rules facts builder until `partnerships.facts` reads the
outcomes summary's publication date (`outcomes.selectors.outcomes_published_on`) instead of
the date of the lifecycle step, which cannot exist before the step it is evidence for.
Remove it once build_facts does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.utils import timezone

from triplewin.outcomes import services
from triplewin.outcomes.selectors import outcomes_published_on
from triplewin.partnerships import facts
from triplewin.partnerships import services as project_services
from triplewin.partnerships.models import Project
from triplewin.pid.tests.builders import join_team
from triplewin.transfers.tests.builders import published_project

PUBLISHED_AIMS = {
    "rationale": "Many people with heart failure are only diagnosed once they reach hospital.",
    "objectives": "Offer a structured review to every flagged patient within the year.",
    "benefits_patients": "Earlier diagnosis and treatment.",
    "benefits_nhs": "Fewer emergency admissions.",
    "benefits_industry": "A better understanding of the pathway.",
}
JUDGEMENTS = {
    "outcomes_patients": "412 people were reviewed; 61 started treatment earlier.",
    "outcomes_nhs": "Admissions for heart failure fell by a tenth across the practices.",
    "outcomes_industry": "The company learnt where the pathway loses patients.",
    "shared_vision": "Yes: the aim of earlier diagnosis held throughout.",
    "benefits": "Patients and practices benefited most; the company gained insight.",
    "relationships": "Monthly meetings kept trust high; one disagreement was resolved quickly.",
    "business_case": "The ICB is considering a business case for 2027.",
    "scaling": "Ready for two more localities with a trained pharmacist.",
    "conclusions": "Start data collection before the first review.",
}


def facts_with_outcomes(original: Any, *, published_override: Any = ...) -> Any:
    def build(project: Project, today: dt.date | None = None) -> Any:
        built = original(project, today)
        published = (
            outcomes_published_on(project) if published_override is ... else published_override
        )
        return dataclasses.replace(built, outcomes_published_on=published)

    return build


def wire_facts(monkeypatch: Any, **kwargs: Any) -> None:
    monkeypatch.setattr(
        "triplewin.partnerships.services.build_facts",
        facts_with_outcomes(facts.build_facts, **kwargs),
    )


def in_delivery(
    *,
    nhs_lead: Any,
    industry_lead: Any,
    nhs_org: Any,
    pharma_org: Any,
    ended_on: dt.date,
    **extra: Any,
) -> Project:
    """A partnership with a published summary, in delivery, the two leads on its team."""
    project = published_project(
        actor=nhs_lead,
        lead=nhs_org,
        partners=[pharma_org],
        summary=PUBLISHED_AIMS,
        published_on=ended_on - dt.timedelta(days=400),
        started_on=ended_on - dt.timedelta(days=365),
        **extra,
    )
    join_team(project, nhs_lead, nhs_lead, nhs_org, "chair")
    join_team(project, nhs_lead, industry_lead, pharma_org, "project_manager")
    return project


def complete(project: Project, actor: Any, ended_on: dt.date) -> Project:
    project_services.project_import_history(
        actor=actor, project=project, steps=[("complete", ended_on)], reason="Test: completed."
    )
    project_services.project_update(
        actor=actor, project=project, expected_version=None, actual_end=ended_on
    )
    project.refresh_from_db()
    return project


def completed_project(*, ended_on: dt.date | None = None, **people: Any) -> Project:
    ended_on = ended_on or timezone.localdate() - dt.timedelta(days=30)
    return complete(in_delivery(ended_on=ended_on, **people), people["nhs_lead"], ended_on)


# For the drafted fields that these projects' records leave empty (no PID, no contributions).
GAPS = {
    "results": "Four in five flagged patients were reviewed, against a target of four in five.",
    "contributions": "Yes: the trust gave nurse time and the company funded the search tool.",
}


def drafted(project: Project, actor: Any) -> Project:
    summary = services.outcomes_generate(actor=actor, project=project)
    gaps = {name: text for name, text in GAPS.items() if not getattr(summary, name)}
    services.outcomes_save(
        actor=actor, project=project, fields=JUDGEMENTS | gaps, expected_version=None
    )
    return project


def approve_all(project: Project, *, team: Any, committees: dict[Any, Any]) -> None:
    services.outcomes_decide(
        actor=team,
        project=project,
        body="project_team",
        organisation=None,
        decision="approve",
        expected_version=None,
    )
    for organisation, user in committees.items():
        services.outcomes_decide(
            actor=user,
            project=project,
            body="governance_committee",
            organisation=organisation,
            decision="approve",
            expected_version=None,
        )
