"""The printable minutes of a meeting."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from triplewin.meetings.presenters import MeetingPresenter
from triplewin.meetings.views._common import back_to_meeting, meeting_or_404
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import page


def minutes(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    meeting = meeting_or_404(project, meeting_pk)
    return page(
        request,
        "meetings/minutes.jinja",
        title=f"Minutes: {meeting.title}",
        nav="projects",
        project=project,
        meeting=meeting,
        partners=[p.organisation.name for p in project.partners.all()],
        m=MeetingPresenter(meeting),
        back_link=back_to_meeting(meeting),
    )
