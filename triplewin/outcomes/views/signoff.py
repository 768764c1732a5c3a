"""Certifying, approving and publishing the outcomes summary."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.presenters import decision_notice
from triplewin.outcomes import services
from triplewin.outcomes.forms import ConfirmForm, DecisionForm
from triplewin.outcomes.selectors import summary_for
from triplewin.outcomes.views.summary import presenter
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.partnerships.views.gated import attempt, panel_for
from triplewin.signoff import authority


def _nothing_yet(request: HttpRequest, pk: int, what: str) -> HttpResponse:
    messages.error(request, f"There is no outcomes summary to {what} yet.")
    return redirect("outcomes:detail", pk=pk)


def _back(pk: int) -> dict[str, str]:
    return {"href": f"/projects/{pk}/outcomes/", "text": "Back to the outcomes summary"}


@require_http_methods(["GET", "POST"])
def certify(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    if not authority.certifying_organisations(request.user, project):
        raise PermissionDenied(services.NOT_A_SIGNATORY)
    summary = summary_for(project)
    if summary is None:
        return _nothing_yet(request, project.pk, "certify")
    form = ConfirmForm(
        request.POST if request.method == "POST" else None,
        initial={"row_version": summary.row_version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.outcomes_certify(
                actor=actor(request),
                project=project,
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "The outcomes summary is certified.")
            return redirect("outcomes:detail", pk=project.pk)
    return page(
        request,
        "outcomes/certify.jinja",
        title=f"Certify the outcomes summary: {project.title}",
        nav="projects",
        conflict=decision_notice(request.user, project, DecisionKind.OUTCOMES_CERTIFICATION),
        project=project,
        o=presenter(project),
        form=form,
        back_link=_back(project.pk),
    )


@require_http_methods(["GET", "POST"])
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    bodies = authority.approval_bodies(request.user, project, "outcomes")
    if not bodies:
        raise PermissionDenied(
            "Only the project team's chair or project manager, or a member of a partner's "
            "governance committee, can approve the outcomes summary."
        )
    summary = summary_for(project)
    if summary is None:
        return _nothing_yet(request, project.pk, "approve")
    form = DecisionForm(
        request.POST if request.method == "POST" else None,
        bodies=[(b.key, b.label) for b in bodies],
        initial={"row_version": summary.row_version},
    )
    if request.method == "POST" and form.is_valid():
        chosen = next(b for b in bodies if b.key == form.cleaned_data["body"])
        try:
            services.outcomes_decide(
                actor=actor(request),
                project=project,
                body=chosen.body,
                organisation=chosen.organisation,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"The decision of the {chosen.label.lower()} is recorded.")
            return redirect("outcomes:detail", pk=project.pk)
    return page(
        request,
        "outcomes/decide.jinja",
        title=f"Approve or reject the outcomes summary: {project.title}",
        nav="projects",
        conflict=decision_notice(request.user, project, DecisionKind.OUTCOMES_APPROVAL),
        project=project,
        o=presenter(project),
        form=form,
        back_link=_back(project.pk),
    )


@require_http_methods(["GET", "POST"])
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    summary = summary_for(project)
    if summary is None:
        return _nothing_yet(request, project.pk, "publish")
    panel = panel_for(project, services.PUBLISH_GATE, services.publish_report)
    form = ConfirmForm(
        request.POST if request.method == "POST" else None,
        initial={"row_version": summary.row_version},
    )
    if request.method == "POST" and form.is_valid():
        done, refused_panel = attempt(
            form,
            lambda: services.outcomes_publish(
                actor=actor(request),
                project=project,
                expected_version=form.cleaned_data["row_version"],
            ),
            project=project,
            gate=services.PUBLISH_GATE,
            refused="The outcomes summary has not been published.",
            shape=services.publish_report,
        )
        panel = refused_panel or panel
        if done:
            messages.success(
                request,
                "The outcomes summary is published and now appears on the public register.",
            )
            return redirect("outcomes:detail", pk=project.pk)
    return page(
        request,
        "outcomes/publish.jinja",
        title=f"Publish the outcomes summary: {project.title}",
        nav="projects",
        conflict=decision_notice(request.user, project, DecisionKind.OUTCOMES_PUBLICATION),
        project=project,
        o=presenter(project),
        panel=panel,
        form=form,
        back_link=_back(project.pk),
    )
