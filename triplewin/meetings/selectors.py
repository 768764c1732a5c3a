"""Reads about meetings that other parts of the product need."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db.models import Max

from triplewin.meetings.models import Action, ActionStatus, Meeting, MeetingStatus
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
