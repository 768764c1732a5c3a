"""Shared lookups for the meeting views."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse

from triplewin.meetings.models import Meeting
from triplewin.partnerships.models import Project

STALE_NOTHING_SAVED = "Nothing was changed."


def meeting_or_404(project: Project, meeting_pk: int) -> Meeting:
    return get_object_or_404(
        Meeting.objects.select_related("project"), pk=meeting_pk, project=project
    )


def back_to_meeting(meeting: Meeting) -> dict[str, str]:
    return {
        "href": reverse("meetings:detail", args=[meeting.project_id, meeting.pk]),
        "text": "Back to the meeting",
    }
