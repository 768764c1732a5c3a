"""Conflicts of interest in a project, and the chair's record of how one is managed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from triplewin.conflicts import access, services
from triplewin.conflicts.forms import ManagementForm
from triplewin.conflicts.presenters import ProjectConflictsPresenter
from triplewin.conflicts.selectors import describe, project_scope, touching_by_user
from triplewin.partnerships import access as project_access
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page
from triplewin.team.selectors import display_name

WHO_MAY = (
    "Only the chair of the project team, or the named lead of a partner the person does not "
    "work for, can record how a conflict of interest is managed."
)


def project_conflicts(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_access.visible_project_or_404(request.user, pk)
    return page(
        request,
        "conflicts/project.jinja",
        title=f"Conflicts of interest: {project.title}",
        nav="projects",
        project=project,
        c=ProjectConflictsPresenter(project, request.user, timezone.localdate()),
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to project"},
    )


@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, pk: int, user_id: int) -> HttpResponse:
    project = project_access.visible_project_or_404(request.user, pk)
    person = get_object_or_404(User, pk=user_id, is_active=True)
    touching = touching_by_user([person.pk], project_scope(project), timezone.localdate()).get(
        person.pk, []
    )
    if not touching:
        raise Http404("This person has no conflict of interest in this project.")
    if access.management_capacity(request.user, project, person) is None:
        raise PermissionDenied(WHO_MAY)
    form = ManagementForm(
        request.POST if request.method == "POST" else None,
        declarations=[(d.pk, f"{describe(d)} ({f.grounds})") for d, f in touching],
    )
    if request.method == "POST" and form.is_valid():
        chosen = next(d for d, _ in touching if d.pk == form.cleaned_data["declaration"])
        try:
            services.conflict_manage(
                actor=actor(request),
                project=project,
                person=person,
                declaration=chosen,
                decision=form.cleaned_data["decision"],
                arrangement=form.cleaned_data["arrangement"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, f"How {display_name(person)}'s conflict is managed has been recorded."
            )
            return redirect("conflicts:project", pk=project.pk)
    return page(
        request,
        "conflicts/manage.jinja",
        title=f"Record how a conflict is managed: {project.title}",
        nav="projects",
        project=project,
        name=display_name(person),
        form=form,
        back_link={
            "href": f"/conflicts/projects/{project.pk}/",
            "text": "Back to conflicts of interest",
        },
    )
