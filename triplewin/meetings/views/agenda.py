"""A meeting's agenda and attendance."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods, require_POST

from triplewin.meetings.forms import AgendaItemForm, AttendanceForm, VersionForm
from triplewin.meetings.models import AgendaItem
from triplewin.meetings.presenters import MeetingPresenter
from triplewin.meetings.services import schedule
from triplewin.meetings.views._common import back_to_meeting, meeting_or_404
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once
from triplewin.submissions.versions import OUT_OF_DATE
from triplewin.team.models import TeamMember


@one_time_form
@require_http_methods(["GET", "POST"])
def agenda_add(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    meeting = meeting_or_404(project, meeting_pk)
    form = AgendaItemForm(
        request.POST if request.method == "POST" else None,
        partners=[p.organisation for p in project.partners.all()],
        initial={"row_version": meeting.row_version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                schedule.agenda_item_add(
                    actor=actor(request),
                    meeting=meeting,
                    expected_version=form.cleaned_data["row_version"],
                    title=form.cleaned_data["title"],
                    relates_to_organisation=form.organisation(),
                )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Agenda item added.")
            return redirect("meetings:agenda", pk=project.pk, meeting_pk=meeting.pk)
    return page(
        request,
        "meetings/agenda.jinja",
        title=f"Agenda: {meeting.title}",
        nav="projects",
        project=project,
        meeting=meeting,
        m=MeetingPresenter(meeting),
        form=form,
        back_link=back_to_meeting(meeting),
    )


@require_POST
def agenda_remove(request: HttpRequest, pk: int, meeting_pk: int, item_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    meeting = meeting_or_404(project, meeting_pk)
    item = get_object_or_404(AgendaItem, pk=item_pk, meeting=meeting)
    form = VersionForm(request.POST)
    if not form.is_valid():
        messages.error(request, OUT_OF_DATE)
        return redirect("meetings:agenda", pk=project.pk, meeting_pk=meeting.pk)
    try:
        schedule.agenda_item_remove(
            actor=actor(request),
            meeting=meeting,
            item=item,
            expected_version=form.cleaned_data["row_version"],
        )
    except StaleEdit as error:
        messages.error(request, str(error))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"'{item.title}' removed from the agenda.")
    return redirect("meetings:agenda", pk=project.pk, meeting_pk=meeting.pk)


@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    meeting = meeting_or_404(project, meeting_pk)
    members = list(
        TeamMember.objects.active().filter(project=project).select_related("user", "organisation")
    )
    initial: dict[str, object] = {
        f"member_{a.member_id}": a.status for a in meeting.attendance.all()
    }
    initial["row_version"] = meeting.row_version
    form = AttendanceForm(
        request.POST if request.method == "POST" else None, members=members, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            schedule.attendance_record(
                actor=actor(request),
                meeting=meeting,
                expected_version=form.cleaned_data["row_version"],
                statuses=form.statuses(),
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Attendance saved.")
            return redirect("meetings:detail", pk=project.pk, meeting_pk=meeting.pk)
    return page(
        request,
        "meetings/attendance.jinja",
        title=f"Attendance: {meeting.title}",
        nav="projects",
        project=project,
        meeting=meeting,
        form=form,
        back_link=back_to_meeting(meeting),
    )
