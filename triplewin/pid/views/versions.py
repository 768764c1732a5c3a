"""Submitting a version, reading a frozen version, and comparing two versions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods

from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.pid import services
from triplewin.pid.forms.signoff import CompareForm, SubmitForm
from triplewin.pid.models import Pid, PidVersion
from triplewin.pid.presenters.versions import ComparisonPresenter, VersionPresenter
from triplewin.pid.selectors import missing_sections


@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    form = SubmitForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.pid_submit(
                actor=actor(request), project=project, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, f"Version {version.number} submitted for certification and approval."
            )
            return redirect("pid:overview", pk=project.pk)
    return page(
        request,
        "pid/submit.jinja",
        title=f"Submit the PID for approval: {project.title}",
        nav="projects",
        project=project,
        form=form,
        missing=missing_sections(project, Pid.objects.filter(project=project).first()),
        back_link={"href": f"/projects/{project.pk}/pid/", "text": "Back to the PID"},
    )


def version_detail(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    version = get_object_or_404(PidVersion, project=project, number=number)
    return page(
        request,
        "pid/version.jinja",
        title=f"PID version {version.number}: {project.title}",
        nav="projects",
        project=project,
        v=VersionPresenter(project, version),
        back_link={"href": f"/projects/{project.pk}/pid/", "text": "Back to the PID"},
    )


def compare(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    versions = {v.number: v for v in PidVersion.objects.filter(project=project)}
    numbers = sorted(versions)
    chosen = "older" in request.GET or "newer" in request.GET
    defaults = {"older": numbers[-2], "newer": numbers[-1]} if len(numbers) >= 2 else {}
    form = CompareForm(request.GET if chosen else None, numbers=numbers, initial=defaults)
    comparison = None
    if chosen and form.is_valid():
        older, newer = sorted((form.cleaned_data["older"], form.cleaned_data["newer"]))
        comparison = ComparisonPresenter(versions[older], versions[newer])
    elif not chosen and defaults:
        comparison = ComparisonPresenter(versions[defaults["older"]], versions[defaults["newer"]])
    return page(
        request,
        "pid/compare.jinja",
        title=f"Compare PID versions: {project.title}",
        status=400 if chosen and form.errors else 200,
        nav="projects",
        project=project,
        form=form,
        enough=len(numbers) >= 2,
        comparison=comparison,
        back_link={"href": f"/projects/{project.pk}/pid/", "text": "Back to the PID"},
    )
