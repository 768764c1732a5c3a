"""Defining and changing a KPI."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.kpis import access as kpi_access
from triplewin.kpis import services
from triplewin.kpis.forms import KpiForm
from triplewin.kpis.models import Kpi
from triplewin.kpis.views._shared import back_to_dashboard
from triplewin.organisations.models import Membership
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.submissions.once import one_time_form, saving_once
from triplewin.submissions.versions import without_version


def _owners(project: Project) -> QuerySet[User]:
    partners = [p.organisation_id for p in project.partners.all()]
    return (
        User.objects.filter(
            pk__in=Membership.objects.filter(organisation_id__in=partners).values("user_id")
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


@one_time_form
@require_http_methods(["GET", "POST"])
def kpi_create(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    require_edit(request, project)
    company_side = not kpi_access.sees_all_kpis(request.user, project)
    form = without_version(
        KpiForm(
            request.POST if request.method == "POST" else None,
            owners=_owners(project),
            company_side=company_side,
            initial={"company_may_see": company_side, "aggregated_anonymised": company_side},
        )
    )
    if request.method == "POST" and form.is_valid():
        try:
            with saving_once(request):
                kpi = services.kpi_create(
                    actor=actor(request), project=project, fields=form.kpi_fields()
                )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"KPI '{kpi.name}' added.")
            return redirect("kpis:detail", pk=project.pk, kpi=kpi.pk)
    return page(
        request,
        "kpis/edit.jinja",
        title=f"Add a KPI: {project.title}",
        nav="projects",
        project=project,
        form=form,
        kpi=None,
        back_link=back_to_dashboard(project),
    )


@require_http_methods(["GET", "POST"])
def kpi_edit(request: HttpRequest, pk: int, kpi: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    found: Kpi = kpi_access.kpi_or_404(request.user, project, kpi)
    require_edit(request, project)
    form = KpiForm(
        request.POST if request.method == "POST" else None,
        instance=found,
        owners=_owners(project),
        company_side=not kpi_access.sees_all_kpis(request.user, project),
        initial={"row_version": found.row_version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.kpi_update(
                actor=actor(request),
                kpi=found,
                fields=form.kpi_fields(),
                expected_version=form.cleaned_data["row_version"],
            )
        except StaleEdit as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "KPI saved.")
            return redirect("kpis:detail", pk=project.pk, kpi=found.pk)
    return page(
        request,
        "kpis/edit.jinja",
        title=f"Change a KPI: {found.name}",
        nav="projects",
        project=project,
        form=form,
        kpi=found,
        back_link={"href": f"/projects/{project.pk}/kpis/{found.pk}/", "text": "Back to the KPI"},
    )
