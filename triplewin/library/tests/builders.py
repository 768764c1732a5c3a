"""Builders shared by the library's tests and the browser journey."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests import factories
from triplewin.concept import services as concept_services
from triplewin.executive_summary import services as summary_services
from triplewin.partnerships import services as project_services

TO_OUTCOMES_PUBLISHED = (
    "start_scoping",
    "approve_concept",
    "start_setup",
    "approve_pid",
    "sign_agreement",
    "publish_summary",
    "start_delivery",
    "complete",
    "publish_outcomes",
)


def finish(project: Any, actor: Any) -> Any:
    """Concept, published summary and imported history up to 'outcomes published'."""
    contributions = {
        p.organisation_id: (f"Analyst time from {p.organisation.name}", None)
        for p in project.partners.all()
    }
    concept_services.concept_save(
        actor=actor,
        project=project,
        fields={
            **factories.CONCEPT_TEXT,
            "objectives": "Find people with undiagnosed heart failure in GP records and review them.",
            "benefit_patients": "Earlier diagnosis and treatment of heart failure.",
        },
        contributions=contributions,
        expected_version=None,
    )
    summary_services.summary_record_published(
        actor=actor,
        project=project,
        fields={
            "rationale": "Heart failure is often found late, in hospital.",
            "roles": "The trust runs the clinics.",
        },
        certified_on=dt.date(2024, 1, 2),
        published_on=dt.date(2024, 1, 10),
    )
    start = dt.date(2024, 1, 11)
    project_services.project_import_history(
        actor=actor,
        project=project,
        steps=[
            (name, start + dt.timedelta(days=i)) for i, name in enumerate(TO_OUTCOMES_PUBLISHED)
        ],
        reason="Test history.",
    )
    project.refresh_from_db()
    return project
