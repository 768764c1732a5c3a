"""Marking a meeting as held, and approving its minutes."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.meetings.forms import VersionForm
from triplewin.meetings.models import Meeting
from triplewin.meetings.presenters import MeetingPresenter
from triplewin.meetings.services import schedule
from triplewin.meetings.views._common import back_to_meeting, meeting_or_404
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit

Step = Callable[..., Meeting]


def _step(
    request: HttpRequest,
    pk: int,
    meeting_pk: int,
    *,
    service: Step,
    template: str,
    title: str,
    done: str,
) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    meeting = meeting_or_404(project, meeting_pk)
    form = VersionForm(
        request.POST if request.method == "POST" else None,
        initial={"row_version": meeting.row_version},
    )
    if request.method == "POST" and form.is_valid():
        user: User = actor(request)
        try:
            service(actor=user, meeting=meeting, expected_version=form.cleaned_data["row_version"])
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, done)
            return redirect("meetings:detail", pk=project.pk, meeting_pk=meeting.pk)
    return page(
        request,
        template,
        title=f"{title}: {meeting.title}",
        nav="projects",
        project=project,
        meeting=meeting,
        m=MeetingPresenter(meeting),
        form=form,
        back_link=back_to_meeting(meeting),
    )


@require_http_methods(["GET", "POST"])
def mark_held(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        meeting_pk,
        service=schedule.meeting_mark_held,
        template="meetings/held.jinja",
        title="Mark as held",
        done="The meeting is marked as held and the declarations at its start are recorded.",
    )


@require_http_methods(["GET", "POST"])
def approve(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        meeting_pk,
        service=schedule.minutes_approve,
        template="meetings/approve.jinja",
        title="Approve the minutes",
        done="The minutes are approved. They can no longer change.",
    )
