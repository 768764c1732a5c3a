"""Editing the PID's own fields and the parties' responsibilities on termination."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.pid import services
from triplewin.pid.forms.editing import PidForm, ResponsibilitiesForm
from triplewin.pid.models import Pid
from triplewin.submissions.versions import version_of


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    pid = Pid.objects.filter(project=project).first() or Pid(project=project)
    form = PidForm(
        request.POST if request.method == "POST" else None,
        instance=pid,
        initial={"row_version": version_of(pid)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.pid_save(
                actor=actor(request),
                project=project,
                fields=form.pid_fields(),
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "PID saved.")
            return redirect("pid:overview", pk=project.pk)
    return page(
        request,
        "pid/edit.jinja",
        title=f"Edit the PID: {project.title}",
        nav="projects",
        project=project,
        form=form,
        back_link={"href": f"/projects/{project.pk}/pid/", "text": "Back to the PID"},
    )


@require_http_methods(["GET", "POST"])
def responsibilities(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    pid = Pid.objects.filter(project=project).first()
    current = {r.organisation_id: r.text for r in pid.party_responsibilities.all()} if pid else {}
    form = ResponsibilitiesForm(
        request.POST if request.method == "POST" else None,
        partners=list(
            project.partners.select_related("organisation").order_by("organisation__name")
        ),
        current=current,
        initial={"row_version": version_of(pid)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.pid_responsibilities_save(
                actor=actor(request),
                project=project,
                texts=form.texts(),
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Responsibilities on termination saved.")
            return redirect("pid:overview", pk=project.pk)
    return page(
        request,
        "pid/responsibilities.jinja",
        title=f"Responsibilities on termination: {project.title}",
        nav="projects",
        project=project,
        form=form,
        back_link={"href": f"/projects/{project.pk}/pid/", "text": "Back to the PID"},
    )
