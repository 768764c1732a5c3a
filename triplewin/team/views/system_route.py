"""The system-level route: the ICB leads involved and its medicines committee's decision."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from triplewin.core.rules import RULES_BY_ID
from triplewin.partnerships import access
from triplewin.partnerships.errors import StaleEdit
from triplewin.partnerships.views._helpers import actor, apply_validation_error, page, require_edit
from triplewin.team import selectors, services
from triplewin.team.forms import SystemRouteForm
from triplewin.team.models import SystemRoute
from triplewin.team.views.members import back_to_team

RULE = RULES_BY_ID["SYSTEM-ROUTE-RECORDED"]


@require_http_methods(["GET", "POST"])
def system_route(request: HttpRequest, pk: int) -> HttpResponse:
    """Everyone who sees the project reads it; the partnership leads record it."""
    project = access.visible_project_or_404(request.user, pk)
    route = SystemRoute.objects.filter(project=project).first()
    form = SystemRouteForm(request.POST if request.method == "POST" else None, instance=route)
    if request.method == "POST":
        require_edit(request, project)
        if form.is_valid():
            try:
                services.system_route_save(
                    actor=actor(request),
                    project=project,
                    expected_version=form.cleaned_data["row_version"],
                    **form.route_fields(),
                )
            except StaleEdit as error:
                form.add_error(None, str(error))
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, "System-level route saved.")
                return redirect("team:system-route", pk=project.pk)
    return page(
        request,
        "team/system_route.jinja",
        title=f"System-level route: {project.title}",
        nav="projects",
        project=project,
        form=form,
        route=route,
        rule=RULE,
        is_system_level=selectors.is_system_level(project),
        missing=selectors.system_route_missing(project, route),
        can_edit=access.can_edit(request.user, project)
        and services.system_route_changes_allowed(project),
        back_link=back_to_team(project),
    )
