"""Reads about meetings that other parts of the product need."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Max

from triplewin.core import parity
from triplewin.meetings.models import (
    Action,
    ActionStatus,
    Meeting,
    MeetingStatus,
    TermsOfReference,
)
from triplewin.partnerships.models import Project


def last_meeting_on(project: Project) -> dt.date | None:
    """The date of the most recent meeting that actually took place."""
    found: dt.date | None = (
        Meeting.objects.filter(project=project)
        .exclude(status=MeetingStatus.PLANNED)
        .aggregate(last=Max("scheduled_for"))["last"]
    )
    return found


def open_actions_of(user: Any, project_ids: Sequence[int]) -> list[Action]:
    """This person's open actions on these projects, earliest due first.

    Asked by owner and then kept to the projects given: a person has few actions but may see
    thousands of projects, too many to pass to the database as a list.
    """
    visible = set(project_ids)
    owned = (
        Action.objects.filter(owner_id=user.pk, status=ActionStatus.OPEN)
        .select_related("project", "owner", "meeting")
        .order_by("due_on", "pk")
    )
    return [a for a in owned if a.project_id in visible]


@dataclass(frozen=True)
class CommitteeRule:
    """The decision rule in force for a project's committee, and where it came from."""

    rule: parity.DecisionRule
    quorum: int
    is_default: bool

    @property
    def label(self) -> str:
        return parity.RULE_LABELS[self.rule]

    @property
    def text(self) -> str:
        return parity.describe(self.rule, self.quorum)


def committee_rule(project: Project) -> CommitteeRule:
    """The project's own terms of reference, or the default for its kind of working."""
    terms = TermsOfReference.objects.filter(project=project).first()
    if terms is None:
        return CommitteeRule(parity.default_rule(project.intended_type or None), 1, True)
    return CommitteeRule(parity.DecisionRule(terms.decision_rule), terms.quorum_per_party, False)
