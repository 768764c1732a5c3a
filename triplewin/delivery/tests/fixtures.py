"""Fixtures for delivery and amendment tests: projects in delivery, with or without a full PID.

`in_delivery` walks a bare project along the lifecycle as an imported history would, which is
enough for the logs. `pid_in_delivery` first writes and signs off a complete PID (team,
committees, contributions including an industry-funded post) so that amendments, approvals and
the exit plan have something real to work on.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from triplewin.contributions import services as contribution_services
from triplewin.kpis.tests import builders as kpi_builders
from triplewin.meetings.services import actions as action_services
from triplewin.plans import services as plan_services
from triplewin.team.tests import builders as team_builders

FUNDED_POST = {
    "kind": "staff_time",
    "description": "A specialist nurse for the review clinics",
    "role": "Heart failure nurse",
    "hours": 600,
    "is_funded_post": True,
    "under_nhs_control": True,
    "exit_strategy": "The trust absorbs the post into its cardiology establishment.",
    "beyond_normal_roles": "A new nurse running extra review clinics.",
    "retention_precautions": "A new post, recruited openly for the project.",
    "employment_law_confirmed": True,
}


SUSTAINABILITY = {
    "service": "Heart failure review clinics",
    "commissioner": "The ICB's cardiovascular commissioning lead",
    "evidence_needed": "Reviews done, admissions avoided and the cost per review.",
    "handover": "Practice nurses trained; protocols and searches handed to the trust.",
}


@pytest.fixture
def in_delivery(project: Any, nhs_lead: Any) -> Any:
    # With its sustainability and handover plan, so that completion passes SUSTAINABILITY-PLAN.
    advanced = team_builders.advance(project, nhs_lead, "in_delivery")
    plan_services.plan_entry_add(
        actor=nhs_lead, project=advanced, plan="sustainability", fields=SUSTAINABILITY
    )
    return advanced


@pytest.fixture
def with_funded_post(complete_pid: Any, nhs_lead: Any, nhs_org: Any) -> Any:
    contribution_services.contribution_add(
        actor=nhs_lead, project=complete_pid, fields={"organisation": nhs_org, **FUNDED_POST}
    )
    return complete_pid


@pytest.fixture
def pid_in_delivery(approved: Any, nhs_lead: Any) -> Any:
    """A signed-off PID (version 1), then the agreement, summary and start of delivery."""
    return team_builders.advance(approved, nhs_lead, "in_delivery")


def overdue_action(project: Any, actor: Any, owner: Any, days: int = 3) -> Any:
    """An open action due `days` ago; its owner must be on the team."""
    return action_services.action_add(
        actor=actor,
        project=project,
        description="Send the search results to each practice",
        owner=owner,
        due_on=timezone.localdate() - dt.timedelta(days=days),
    )


@pytest.fixture
def terminable(with_funded_post: Any, pid_in_delivery: Any) -> Any:
    """In delivery with an exit strategy, both partners' duties and one funded post."""
    return pid_in_delivery


@pytest.fixture
def one_hidden_off_track(in_delivery: Any, nhs_lead: Any) -> Any:
    """One shared KPI on track, and one NHS-only KPI off track (its target date has passed
    with nothing recorded): half the KPIs are off track for the NHS, none for a company."""
    fine = kpi_builders.kpi(
        in_delivery,
        nhs_lead,
        name="Fine",
        target_value=Decimal(55),
        target_date=dt.date(2099, 1, 1),
    )
    kpi_builders.record_series(fine, nhs_lead, [50, 60, 52, 58, 55])
    kpi_builders.kpi(
        in_delivery,
        nhs_lead,
        name="Silent",
        target_date=dt.date(2024, 6, 30),
        company_may_see=False,
        aggregated_anonymised=False,
    )
    return in_delivery
