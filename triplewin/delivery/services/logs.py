"""Writes for milestones, the risk log and the issue log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from triplewin.delivery.models import Issue, Milestone, Risk
from triplewin.delivery.services._common import add_row, update_row
from triplewin.partnerships.models import Project

MILESTONE_FIELDS = ("title", "planned_on", "actual_on", "owner", "notes")
RISK_FIELDS = ("description", "likelihood", "impact", "owner", "mitigation", "status")
ISSUE_FIELDS = ("description", "raised_by", "raised_on", "owner", "resolution", "status")


def _not_in_future(fields: Mapping[str, Any], name: str, what: str, today: dt.date | None) -> None:
    value = fields.get(name)
    if isinstance(value, dt.date) and value > (today or timezone.localdate()):
        raise ValidationError({name: f"{what} cannot be in the future."})


@transaction.atomic
def milestone_add(
    *, actor: User, project: Project, fields: Mapping[str, Any], today: dt.date | None = None
) -> Milestone:
    _not_in_future(fields, "actual_on", "The date achieved", today)
    return add_row(
        actor=actor,
        project=project,
        row=Milestone(),
        fields=fields,
        names=MILESTONE_FIELDS,
        action="milestone.added",
    )


@transaction.atomic
def milestone_update(
    *,
    actor: User,
    project: Project,
    milestone: Milestone,
    fields: Mapping[str, Any],
    expected_version: int | None,
    today: dt.date | None = None,
) -> Milestone:
    _not_in_future(fields, "actual_on", "The date achieved", today)
    return update_row(
        actor=actor,
        project=project,
        row=milestone,
        fields=fields,
        names=MILESTONE_FIELDS,
        expected_version=expected_version,
        action="milestone.updated",
    )


@transaction.atomic
def risk_add(*, actor: User, project: Project, fields: Mapping[str, Any]) -> Risk:
    return add_row(
        actor=actor,
        project=project,
        row=Risk(),
        fields=fields,
        names=RISK_FIELDS,
        action="risk_log.added",
    )


@transaction.atomic
def risk_update(
    *,
    actor: User,
    project: Project,
    risk: Risk,
    fields: Mapping[str, Any],
    expected_version: int | None,
) -> Risk:
    return update_row(
        actor=actor,
        project=project,
        row=risk,
        fields=fields,
        names=RISK_FIELDS,
        expected_version=expected_version,
        action="risk_log.updated",
    )


@transaction.atomic
def issue_add(
    *, actor: User, project: Project, fields: Mapping[str, Any], today: dt.date | None = None
) -> Issue:
    _not_in_future(fields, "raised_on", "The date raised", today)
    return add_row(
        actor=actor,
        project=project,
        row=Issue(),
        fields=fields,
        names=ISSUE_FIELDS,
        action="issue_log.added",
    )


@transaction.atomic
def issue_update(
    *,
    actor: User,
    project: Project,
    issue: Issue,
    fields: Mapping[str, Any],
    expected_version: int | None,
    today: dt.date | None = None,
) -> Issue:
    _not_in_future(fields, "raised_on", "The date raised", today)
    return update_row(
        actor=actor,
        project=project,
        row=issue,
        fields=fields,
        names=ISSUE_FIELDS,
        expected_version=expected_version,
        action="issue_log.updated",
    )
