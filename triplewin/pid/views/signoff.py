"""Certifying and approving the latest PID version, as exactly the version on screen."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.presenters import decision_notice
from triplewin.partnerships import access
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page
from triplewin.pid import services
from triplewin.pid.forms.signoff import CertifyForm, DecisionForm
from triplewin.pid.presenters.versions import VersionPresenter
from triplewin.pid.selectors import latest_version
from triplewin.scoping.presenters import checklist_summary
from triplewin.signoff import authority


def _nothing_to_sign(request: HttpRequest, project: Project) -> HttpResponse:
    messages.error(request, "No PID version has been submitted for approval yet.")
    return redirect("pid:overview", pk=project.pk)


@require_http_methods(["GET", "POST"])
def certify(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    organisations = authority.certifying_organisations(request.user, project)
    if not organisations:
        raise PermissionDenied(
            "Only a certification signatory of an industry partner in this project can certify "
            "the PID."
        )
    version = latest_version(project)
    if version is None:
        return _nothing_to_sign(request, project)
    form = CertifyForm(
        request.POST if request.method == "POST" else None,
        organisations=[(o.pk, o.name) for o in organisations],
        initial={"version": version.number},
    )
    if request.method == "POST" and form.is_valid():
        chosen = next(o for o in organisations if o.pk == form.cleaned_data["organisation"])
        try:
            services.pid_certify(
                actor=actor(request),
                project=project,
                version_number=form.cleaned_data["version"],
                organisation=chosen,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"Version {version.number} of the PID is certified.")
            return redirect("pid:overview", pk=project.pk)
    return page(
        request,
        "pid/certify.jinja",
        title=f"Certify the PID: {project.title}",
        nav="projects",
        conflict=decision_notice(request.user, project, DecisionKind.PID_CERTIFICATION),
        project=project,
        v=VersionPresenter(project, version),
        form=form,
        checklist_review=checklist_summary(project),
        back_link={"href": f"/projects/{project.pk}/pid/", "text": "Back to the PID"},
    )


@require_http_methods(["GET", "POST"])
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    bodies = authority.approval_bodies(request.user, project, "pid")
    if not bodies:
        raise PermissionDenied(
            "Only the project team's chair or project manager, or a member of a partner's "
            "governance committee, can approve the PID."
        )
    version = latest_version(project)
    if version is None:
        return _nothing_to_sign(request, project)
    form = DecisionForm(
        request.POST if request.method == "POST" else None,
        bodies=[(b.key, b.label) for b in bodies],
        initial={"version": version.number},
    )
    if request.method == "POST" and form.is_valid():
        chosen = next(b for b in bodies if b.key == form.cleaned_data["body"])
        try:
            services.pid_decide(
                actor=actor(request),
                project=project,
                version_number=form.cleaned_data["version"],
                body=chosen.body,
                organisation=chosen.organisation,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"The decision on version {version.number} is recorded.")
            return redirect("pid:overview", pk=project.pk)
    return page(
        request,
        "pid/decide.jinja",
        title=f"Approve or reject the PID: {project.title}",
        nav="projects",
        conflict=decision_notice(request.user, project, DecisionKind.PID_APPROVAL),
        project=project,
        v=VersionPresenter(project, version),
        form=form,
        checklist_review=checklist_summary(project),
        back_link={"href": f"/projects/{project.pk}/pid/", "text": "Back to the PID"},
    )
