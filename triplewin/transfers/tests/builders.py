"""Test builders for partnerships that are already public, through the real services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from tests import factories
from triplewin.executive_summary import services as summary_services
from triplewin.organisations.models import Organisation
from triplewin.partnerships import services as project_services
from triplewin.partnerships.models import Project
from triplewin.transfers import services as tov_services
from triplewin.transfers.models import TransferOfValue

TO_SUMMARY_PUBLISHED = (
    "start_scoping",
    "approve_concept",
    "start_setup",
    "approve_pid",
    "sign_agreement",
    "publish_summary",
)


def published_project(
    *,
    actor: Any,
    lead: Organisation,
    partners: Sequence[Organisation] = (),
    published_on: dt.date,
    started_on: dt.date | None = None,
    ended_on: dt.date | None = None,
    terminated: bool = False,
    summary: dict[str, str] | None = None,
    summary_text: str | None = None,
    **details: Any,
) -> Project:
    """A project whose summary was published on the given day, walked along the lifecycle.

    Given a start date it is in delivery; given an end date too it is completed (or
    terminated). The steps are imported with their dates, as for a historic partnership.
    """
    if summary_text is not None:
        # The project's internal "idea in brief", never shown publicly.
        details["summary"] = summary_text
    project = factories.project(actor=actor, lead=lead, partners=partners, **details)
    summary_services.summary_record_published(
        actor=actor,
        project=project,
        fields=summary or {"rationale": "Too many people wait too long for a review."},
        certified_on=published_on - dt.timedelta(days=3),
        published_on=published_on,
    )
    steps: list[tuple[str, dt.date]] = [(name, published_on) for name in TO_SUMMARY_PUBLISHED]
    dates: dict[str, Any] = {}
    if started_on is not None:
        steps.append(("start_delivery", started_on))
        dates["actual_start"] = started_on
    if ended_on is not None:
        steps.append(("terminate" if terminated else "complete", ended_on))
        dates["actual_end"] = ended_on
    project_services.project_import_history(
        actor=actor, project=project, steps=steps, reason="Recorded for a test."
    )
    if dates:
        project_services.project_update(
            actor=actor, project=project, expected_version=None, **dates
        )
    project.refresh_from_db()
    return project


def transfer(
    *,
    actor: Any,
    project: Project,
    company: Organisation,
    recipient: Organisation,
    year: int,
    money: str = "1000.00",
    benefits: str = "0",
    category: str = "joint_collaborative",
    **extra: Any,
) -> TransferOfValue:
    return tov_services.tov_record(
        actor=actor,
        project=project,
        company=company,
        recipient=recipient,
        year=year,
        category=category,
        amount_money=Decimal(money),
        amount_benefits_in_kind=Decimal(benefits),
        **extra,
    )
