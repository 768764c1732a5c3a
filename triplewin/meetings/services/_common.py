"""Locking, version checks and the windows in which meetings may change."""

from __future__ import annotations

from collections.abc import Collection

from django.core.exceptions import ValidationError
from django.db.models import F

from triplewin.core.lifecycle import STATES, State
from triplewin.meetings.models import Meeting, MeetingStatus
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project
from triplewin.team.services import TEAM_CHANGES_IN

# Meetings run while the team does, plus the closing meeting after delivery ends.
MEETINGS_IN = TEAM_CHANGES_IN | {State.COMPLETED}

NOT_IN_STATUS = {
    MeetingStatus.PLANNED: "This meeting has not been marked as held yet.",
    MeetingStatus.HELD: "This meeting has already been marked as held.",
    MeetingStatus.MINUTES_APPROVED: "The minutes of this meeting are approved and can no longer change.",
}


def meetings_allowed(project: Project) -> bool:
    return project.state_enum in MEETINGS_IN


def require_meetings_allowed(project: Project) -> None:
    if not meetings_allowed(project):
        label = STATES[project.state_enum].label.lower()
        raise ValidationError(
            f"Meetings cannot be recorded while the project is '{label}'. They run from when "
            "every partner has approved the concept until the project completes."
        )


def lock_meeting(
    meeting: Meeting,
    *,
    statuses: Collection[str],
    expected_version: int | None = None,
) -> Meeting:
    """The meeting row, locked, after checking the project, the version and the status."""
    locked = (
        Meeting.objects.select_for_update(of=("self",)).select_related("project").get(pk=meeting.pk)
    )
    require_meetings_allowed(locked.project)
    if expected_version is not None and locked.row_version != expected_version:
        raise StaleEdit()
    if locked.status not in statuses:
        raise ValidationError(NOT_IN_STATUS[MeetingStatus(locked.status)])
    return locked


def touch(meeting: Meeting) -> None:
    """Bump the version, so that anyone editing an older copy is told instead of overwriting."""
    Meeting.objects.filter(pk=meeting.pk).update(row_version=F("row_version") + 1)
    meeting.row_version += 1
