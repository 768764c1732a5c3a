"""A project's transparency obligations, its reporting schedule and its progress reports."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from triplewin.obligations import services
from triplewin.obligations.forms import ProgressReportForm, ReportingForm
from triplewin.obligations.models import ProgressReport, ReportingSchedule
from triplewin.obligations.presenters import row
from triplewin.obligations.selectors import project_obligations
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once


def _back(pk: int) -> dict[str, str]:
    return {"href": reverse("obligations:project", args=[pk]), "text": "Back to the obligations"}


def project_obligations_view(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    today = timezone.localdate()
    return page(
        request,
        "obligations/project.jinja",
        title=f"Transparency obligations: {project.title}",
        nav="projects",
        project=project,
        rows=[row(o, today) for o in project_obligations(project, today)],
        schedule=ReportingSchedule.objects.filter(project=project).first(),
        reports=ProgressReport.objects.filter(project=project).order_by("-due_on"),
        can_edit=access.can_edit(request.user, project),
        back_link={
            "href": reverse("partnerships:detail", args=[project.pk]),
            "text": "Back to project",
        },
    )


@require_http_methods(["GET", "POST"])
def reporting(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    current = ReportingSchedule.objects.filter(project=project).first()
    form = ReportingForm(
        request.POST or None, initial={"every_months": current.every_months if current else ""}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.reporting_schedule_set(
                actor=actor(request),
                project=project,
                every_months=form.cleaned_data["every_months"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Reporting schedule saved.")
            return redirect("obligations:project", pk=project.pk)
    return page(
        request,
        "obligations/reporting.jinja",
        title=f"Reporting schedule: {project.title}",
        nav="projects",
        project=project,
        form=form,
        back_link=_back(project.pk),
    )


@one_time_form
@require_http_methods(["GET", "POST"])
def report_new(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    today = timezone.localdate()
    open_dates = services.open_report_dates(project, today)
    form = ProgressReportForm(
        request.POST or None, open_dates=open_dates, initial={"submitted_on": today}
    )
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                services.progress_report_record(
                    actor=actor(request),
                    project=project,
                    due_on=form.cleaned_data["due_on"],
                    submitted_on=form.cleaned_data["submitted_on"],
                    summary=form.cleaned_data["summary"],
                    today=today,
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Progress report recorded.")
            return redirect("obligations:project", pk=project.pk)
    return page(
        request,
        "obligations/report.jinja",
        title=f"Record a progress report: {project.title}",
        nav="projects",
        project=project,
        form=form,
        has_open=bool(open_dates),
        back_link=_back(project.pk),
    )
