"""Reading, drafting and editing the executive summary."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.executive_summary import services
from triplewin.executive_summary.forms import ConfirmForm, SummaryForm
from triplewin.executive_summary.models import ExecutiveSummary, Status
from triplewin.executive_summary.presenters import SummaryPresenter
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.signoff import authority
from triplewin.submissions.versions import version_of


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    summary = ExecutiveSummary.objects.filter(project=project).first()
    presenter = SummaryPresenter(project, summary)
    editable = access.can_edit(request.user, project) and not presenter.is_published
    return page(
        request,
        "executive_summary/detail.jinja",
        title=f"Executive summary: {project.title}",
        nav="projects",
        project=project,
        s=presenter,
        can_edit=editable and presenter.exists,
        can_generate=editable and presenter.pid_approved,
        can_certify=(
            presenter.exists
            and not presenter.is_published
            and bool(authority.certifying_organisations(request.user, project))
        ),
        can_publish=editable and presenter.can_publish_now,
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to project"},
    )


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    summary = ExecutiveSummary.objects.filter(project=project).first()
    if summary is None or summary.status == Status.PUBLISHED:
        messages.error(
            request,
            "Draft the summary from the approved PID first."
            if summary is None
            else services.PUBLISHED_IS_FINAL,
        )
        return redirect("executive_summary:detail", pk=project.pk)
    form = SummaryForm(
        request.POST or None, instance=summary, initial={"row_version": summary.row_version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.summary_save(
                actor=actor(request),
                project=project,
                fields=form.summary_fields(),
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Executive summary saved.")
            return redirect("executive_summary:detail", pk=project.pk)
    return page(
        request,
        "executive_summary/edit.jinja",
        title=f"Edit the executive summary: {project.title}",
        nav="projects",
        project=project,
        form=form,
        was_certified=SummaryPresenter(project, summary).is_certified,
        back_link={"href": f"/projects/{project.pk}/summary/", "text": "Back to the summary"},
    )


@require_http_methods(["GET", "POST"])
def generate(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    summary = ExecutiveSummary.objects.filter(project=project).first()
    form = ConfirmForm(
        request.POST if request.method == "POST" else None,
        initial={"row_version": version_of(summary)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.summary_generate(
                actor=actor(request),
                project=project,
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "The summary has been drafted from the approved PID.")
            return redirect("executive_summary:detail", pk=project.pk)
    return page(
        request,
        "executive_summary/generate.jinja",
        title=f"Draft the executive summary: {project.title}",
        nav="projects",
        project=project,
        s=SummaryPresenter(project, summary),
        form=form,
        back_link={"href": f"/projects/{project.pk}/summary/", "text": "Back to the summary"},
    )
