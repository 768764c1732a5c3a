"""The KPI page: its chart with a chosen baseline, the data table, and recording values."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from triplewin.core import spc
from triplewin.kpis import access as kpi_access
from triplewin.kpis import services
from triplewin.kpis.forms import ChartOptionsForm, MeasurementForm, UploadForm
from triplewin.kpis.models import Kpi, Site
from triplewin.kpis.presenters.pages import ChartChoice, KpiPagePresenter
from triplewin.kpis.views._shared import abilities, back_to_dashboard, require_record
from triplewin.partnerships import access
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page
from triplewin.submissions.once import one_time_form, saving_once


def _choice(form: ChartOptionsForm, sites: list[Site]) -> ChartChoice:
    if not form.is_valid():
        return ChartChoice(None, spc.Baseline())
    data = form.cleaned_data
    site = next((s for s in sites if str(s.pk) == data.get("site")), None)
    step = data.get("step_from")
    return ChartChoice(
        site,
        spc.Baseline(
            first=data.get("baseline_points"),
            start=data.get("baseline_from"),
            end=data.get("baseline_to"),
            steps=(step,) if step else (),
        ),
    )


def _kpi_page(
    request: HttpRequest,
    project: Project,
    kpi: Kpi,
    *,
    record_form: MeasurementForm | None = None,
    upload_form: UploadForm | None = None,
    row_errors: Any = (),
) -> HttpResponse:
    sites = list(Site.objects.filter(project=project))
    options = ChartOptionsForm(request.GET, sites=sites)
    return page(
        request,
        "kpis/detail.jinja",
        title=f"{kpi.name}: {project.title}",
        nav="projects",
        project=project,
        kpi=kpi,
        options=options,
        p=KpiPagePresenter(kpi, _choice(options, sites), today=timezone.localdate()),
        record_form=record_form or MeasurementForm(sites=Site.objects.filter(project=project)),
        upload_form=upload_form or UploadForm(),
        row_errors=row_errors,
        has_sites=bool(sites),
        back_link=back_to_dashboard(project),
        **abilities(request.user, project, kpi),
    )


@require_GET
def kpi_detail(request: HttpRequest, pk: int, kpi: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    return _kpi_page(request, project, kpi_access.kpi_or_404(request.user, project, kpi))


@one_time_form
@require_http_methods(["GET", "POST"])
def measurement_record(request: HttpRequest, pk: int, kpi: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    found = kpi_access.kpi_or_404(request.user, project, kpi)
    require_record(request.user, project, found)
    if request.method == "GET":
        return redirect(reverse("kpis:detail", args=[project.pk, found.pk]) + "#record")
    form = MeasurementForm(request.POST, sites=Site.objects.filter(project=project))
    if form.is_valid():
        data = form.cleaned_data
        try:
            with saving_once(request):
                services.measurement_record(
                    actor=actor(request),
                    kpi=found,
                    period=data["period"],
                    site=data["site"],
                    value=data["value"],
                    note=data["note"],
                    replace=data["replace"],
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Value recorded.")
            return redirect("kpis:detail", pk=project.pk, kpi=found.pk)
    return _kpi_page(request, project, found, record_form=form)


@one_time_form
@require_http_methods(["GET", "POST"])
def measurements_upload(request: HttpRequest, pk: int, kpi: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    found = kpi_access.kpi_or_404(request.user, project, kpi)
    require_record(request.user, project, found)
    if request.method == "GET":
        return redirect(reverse("kpis:detail", args=[project.pk, found.pk]) + "#upload")
    form = UploadForm(request.POST, request.FILES)
    row_errors: Any = ()
    if form.is_valid():
        try:
            with saving_once(request):
                result = services.measurements_upload(
                    actor=actor(request),
                    kpi=found,
                    upload=form.cleaned_data["file"],
                    replace=form.cleaned_data["replace"],
                )
        except services.FileRejected as rejected:
            form.add_error("file", str(rejected))
            row_errors = rejected.errors
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                f"File uploaded: {result.added} value{'s' if result.added != 1 else ''} added"
                + (f", {result.replaced} replaced." if result.replaced else "."),
            )
            return redirect("kpis:detail", pk=project.pk, kpi=found.pk)
    return _kpi_page(request, project, found, upload_form=form, row_errors=row_errors)
