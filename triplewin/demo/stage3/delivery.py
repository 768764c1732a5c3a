"""Milestones, the risk and issue logs, a RAG override, and the reporting schedule."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import User

from triplewin.delivery import services as delivery_services
from triplewin.demo.data.stage3_types import ReportingSpec, Stage3Spec
from triplewin.demo.stage2.lookup import Lookup
from triplewin.obligations import services as obligation_services
from triplewin.partnerships.models import Project


def load_logs(spec: Stage3Spec, project: Project, actor: User, lookup: Lookup) -> None:
    today = lookup.today
    for milestone in spec.milestones:
        achieved = milestone.achieved_on
        delivery_services.milestone_add(
            actor=actor,
            project=project,
            fields={
                "title": milestone.title,
                "planned_on": milestone.planned_on,
                # Loaded before a milestone's day, it is simply not achieved yet.
                "actual_on": achieved if achieved and achieved <= today else None,
                "owner": milestone.owner,
                "notes": milestone.notes,
            },
            today=today,
        )
    for risk in spec.risks:
        delivery_services.risk_add(
            actor=actor,
            project=project,
            fields={
                "description": risk.description,
                "likelihood": risk.likelihood,
                "impact": risk.impact,
                "owner": risk.owner,
                "mitigation": risk.mitigation,
                "status": risk.status,
            },
        )
    for issue in spec.issues:
        delivery_services.issue_add(
            actor=actor,
            project=project,
            fields={
                "description": issue.description,
                "raised_by": issue.raised_by,
                "raised_on": min(issue.raised_on, today),
                "owner": issue.owner,
                "resolution": issue.resolution,
                "status": issue.status,
            },
            today=today,
        )
    if spec.rag is not None:
        rag = spec.rag
        delivery_services.rag_override_set(
            actor=lookup.user(rag.email, f"The RAG override on {spec.project}"),
            project=project,
            rating=rag.rating,
            reason=rag.reason,
            expires_on=None
            if rag.ends_in_days is None
            else today + dt.timedelta(days=rag.ends_in_days),
            today=today,
        )


def load_reporting(spec: ReportingSpec, project: Project, lookup: Lookup, where: str) -> None:
    """Set the schedule, then record a report for each passed date but the last few."""
    actor = lookup.user(spec.recorded_by, where)
    obligation_services.reporting_schedule_set(
        actor=actor, project=project, every_months=spec.every_months
    )
    passed = [
        d for d in obligation_services.open_report_dates(project, lookup.today) if d <= lookup.today
    ]
    to_record = passed[: max(len(passed) - spec.leave_open, 0)]
    for number, due in enumerate(to_record):
        summary = spec.summaries[min(number, len(spec.summaries) - 1)]
        obligation_services.progress_report_record(
            actor=actor,
            project=project,
            due_on=due,
            submitted_on=min(due + dt.timedelta(days=spec.days_late), lookup.today),
            summary=summary,
            today=lookup.today,
        )
