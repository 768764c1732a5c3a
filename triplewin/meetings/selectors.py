"""Reads about meetings that other parts of the product need."""

from __future__ import annotations

import datetime as dt

from django.db.models import Max

from triplewin.meetings.models import Meeting, MeetingStatus
from triplewin.partnerships.models import Project


def last_meeting_on(project: Project) -> dt.date | None:
    """The date of the most recent meeting that actually took place."""
    found: dt.date | None = (
        Meeting.objects.filter(project=project)
        .exclude(status=MeetingStatus.PLANNED)
        .aggregate(last=Max("scheduled_for"))["last"]
    )
    return found
