"""Certifying and publishing the executive summary."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.conflicts.models import DecisionKind
from triplewin.conflicts.presenters import decision_notice
from triplewin.executive_summary import services
from triplewin.executive_summary.forms import ConfirmForm
from triplewin.executive_summary.models import ExecutiveSummary
from triplewin.executive_summary.presenters import SummaryPresenter
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.partnerships.views.gated import attempt, panel_for
from triplewin.signoff import authority


@require_http_methods(["GET", "POST"])
def certify(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    if not authority.certifying_organisations(request.user, project):
        raise PermissionDenied(
            "Only a certification signatory of an industry partner in this project can certify "
            "the summary."
        )
    summary = ExecutiveSummary.objects.filter(project=project).first()
    if summary is None:
        messages.error(request, "There is no summary to certify yet.")
        return redirect("executive_summary:detail", pk=project.pk)
    form = ConfirmForm(
        request.POST if request.method == "POST" else None,
        initial={"row_version": summary.row_version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.summary_certify(
                actor=actor(request),
                project=project,
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "The executive summary is certified.")
            return redirect("executive_summary:detail", pk=project.pk)
    return page(
        request,
        "executive_summary/certify.jinja",
        title=f"Certify the executive summary: {project.title}",
        nav="projects",
        conflict=decision_notice(request.user, project, DecisionKind.SUMMARY_CERTIFICATION),
        project=project,
        s=SummaryPresenter(project, summary),
        form=form,
        back_link={"href": f"/projects/{project.pk}/summary/", "text": "Back to the summary"},
    )


@require_http_methods(["GET", "POST"])
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    summary = ExecutiveSummary.objects.filter(project=project).first()
    if summary is None:
        messages.error(request, "There is no summary to publish yet.")
        return redirect("executive_summary:detail", pk=project.pk)
    panel = panel_for(project, services.PUBLISH_GATE, services.publish_report)
    form = ConfirmForm(
        request.POST if request.method == "POST" else None,
        initial={"row_version": summary.row_version},
    )
    if request.method == "POST" and form.is_valid():
        done, refused_panel = attempt(
            form,
            lambda: services.summary_publish(
                actor=actor(request),
                project=project,
                expected_version=form.cleaned_data["row_version"],
            ),
            project=project,
            gate=services.PUBLISH_GATE,
            refused="The summary has not been published.",
            shape=services.publish_report,
        )
        panel = refused_panel or panel
        if done:
            messages.success(
                request,
                "The executive summary is published and now appears on the public register.",
            )
            return redirect("executive_summary:detail", pk=project.pk)
    return page(
        request,
        "executive_summary/publish.jinja",
        title=f"Publish the executive summary: {project.title}",
        nav="projects",
        conflict=decision_notice(request.user, project, DecisionKind.SUMMARY_PUBLICATION),
        project=project,
        s=SummaryPresenter(project, summary),
        panel=panel,
        form=form,
        back_link={"href": f"/projects/{project.pk}/summary/", "text": "Back to the summary"},
    )
