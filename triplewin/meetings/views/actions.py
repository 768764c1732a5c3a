"""The project's action log."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from triplewin.meetings.forms import ActionChangeForm, ActionForm
from triplewin.meetings.models import Action, ActionStatus, Meeting, MeetingStatus
from triplewin.meetings.presenters import action_rows
from triplewin.meetings.services import actions as services
from triplewin.meetings.services._common import meetings_allowed
from triplewin.partnerships import access
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once
from triplewin.team.models import TeamMember


def action_log(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    found = list(Action.objects.filter(project=project).select_related("owner", "meeting"))
    allowed = meetings_allowed(project)
    rows = action_rows(
        found,
        timezone.localdate(),
        closer=lambda a: allowed and access.can_do_own_work(request.user, project, a.owner_id),
    )
    return page(
        request,
        "meetings/actions.jinja",
        title=f"Action log: {project.title}",
        nav="projects",
        project=project,
        rows=rows,
        can_edit=access.can_edit(request.user, project) and allowed,
        can_close=any(r.can_close for r in rows),
        back_link={"href": reverse("meetings:list", args=[project.pk]), "text": "Back to meetings"},
    )


def _owners(project: Project) -> list[User]:
    return [
        m.user for m in TeamMember.objects.active().filter(project=project).select_related("user")
    ]


def _back_to_log(project: Project) -> dict[str, str]:
    return {
        "href": reverse("meetings:actions", args=[project.pk]),
        "text": "Back to the action log",
    }


@one_time_form
@require_http_methods(["GET", "POST"])
def action_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    owners = _owners(project)
    meetings = list(
        Meeting.objects.filter(project=project).exclude(status=MeetingStatus.MINUTES_APPROVED)
    )
    initial = {"meeting": request.GET.get("meeting", "")}
    form = ActionForm(
        request.POST if request.method == "POST" else None,
        owners=owners,
        meetings=meetings,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                services.action_add(
                    actor=actor(request),
                    project=project,
                    description=form.cleaned_data["description"],
                    owner=form.chosen_owner(),
                    due_on=form.cleaned_data["due_on"],
                    meeting=form.chosen_meeting(),
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Action added to the log.")
            return redirect("meetings:actions", pk=project.pk)
    return page(
        request,
        "meetings/action_add.jinja",
        title=f"Add an action: {project.title}",
        nav="projects",
        project=project,
        form=form,
        back_link=_back_to_log(project),
    )


@require_http_methods(["GET", "POST"])
def action_change(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    action = get_object_or_404(
        Action.objects.select_related("owner"), pk=action_pk, project=project
    )
    if action.status != ActionStatus.OPEN or not meetings_allowed(project):
        messages.error(
            request, "Only open actions can be changed, while the project's meetings run."
        )
        return redirect("meetings:actions", pk=project.pk)
    initial = {"description": action.description, "owner": action.owner_id, "due_on": action.due_on}
    form = ActionChangeForm(
        request.POST if request.method == "POST" else None, owners=_owners(project), initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.action_change(
                actor=actor(request),
                project=project,
                action=action,
                description=form.cleaned_data["description"],
                owner=form.chosen_owner(),
                due_on=form.cleaned_data["due_on"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Action changed.")
            return redirect("meetings:actions", pk=project.pk)
    return page(
        request,
        "meetings/action_change.jinja",
        title=f"Change an action: {project.title}",
        nav="projects",
        project=project,
        action=action,
        form=form,
        back_link=_back_to_log(project),
    )


@require_POST
def action_done(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    action = get_object_or_404(Action, pk=action_pk, project=project)
    if not access.can_do_own_work(request.user, project, action.owner_id):
        raise PermissionDenied(
            "Only the partnership leads of a partner organisation, and the action's owner, "
            "can mark it as done."
        )
    try:
        services.action_complete(actor=actor(request), project=project, action=action)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Action marked as done.")
    return redirect("meetings:actions", pk=project.pk)
