"""The list of a project's meetings, scheduling one, and a meeting's page and details."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from triplewin.meetings.forms import MeetingEditForm, MeetingForm, VersionForm
from triplewin.meetings.models import Meeting
from triplewin.meetings.presenters import MeetingPresenter, status_tag
from triplewin.meetings.selectors import committee_rule
from triplewin.meetings.services import schedule
from triplewin.meetings.services._common import meetings_allowed
from triplewin.meetings.views._common import back_to_meeting, meeting_or_404
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once


def meeting_list(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    meetings = list(Meeting.objects.filter(project=project))
    return page(
        request,
        "meetings/list.jinja",
        title=f"Meetings: {project.title}",
        nav="projects",
        project=project,
        rows=[(m, status_tag(m)) for m in meetings],
        rule=committee_rule(project),
        can_edit=access.can_edit(request.user, project),
        can_change=meetings_allowed(project),
        back_link={
            "href": reverse("partnerships:detail", args=[project.pk]),
            "text": "Back to project",
        },
    )


@one_time_form
@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    form = MeetingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                meeting = schedule.meeting_create(
                    actor=actor(request), project=project, **form.cleaned_data
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Meeting scheduled. Now add its agenda.")
            return redirect("meetings:detail", pk=project.pk, meeting_pk=meeting.pk)
    return page(
        request,
        "meetings/create.jinja",
        title=f"Schedule a meeting: {project.title}",
        nav="projects",
        project=project,
        form=form,
        can_change=meetings_allowed(project),
        back_link={"href": reverse("meetings:list", args=[project.pk]), "text": "Back to meetings"},
    )


def meeting_detail(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    meeting = meeting_or_404(project, meeting_pk)
    return page(
        request,
        "meetings/detail.jinja",
        title=f"{meeting.title}: {project.title}",
        nav="projects",
        project=project,
        meeting=meeting,
        m=MeetingPresenter(meeting),
        version_form=VersionForm(initial={"row_version": meeting.row_version}),
        can_edit=access.can_edit(request.user, project) and meetings_allowed(project),
        back_link={"href": reverse("meetings:list", args=[project.pk]), "text": "Back to meetings"},
    )


@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    meeting = meeting_or_404(project, meeting_pk)
    form = MeetingEditForm.for_meeting(meeting, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            schedule.meeting_update(
                actor=actor(request),
                meeting=meeting,
                expected_version=form.cleaned_data["row_version"],
                **form.details(),
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Meeting saved.")
            return redirect("meetings:detail", pk=project.pk, meeting_pk=meeting.pk)
    return page(
        request,
        "meetings/edit.jinja",
        title=f"Edit {meeting.title}: {project.title}",
        nav="projects",
        project=project,
        meeting=meeting,
        form=form,
        back_link=back_to_meeting(meeting),
    )
