"""The project's KPI dashboard: every KPI's chart, icons and progress, filtered by category."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from triplewin.kpis.models import Category
from triplewin.kpis.presenters.pages import DashboardPresenter
from triplewin.kpis.views._shared import abilities
from triplewin.partnerships import access
from triplewin.partnerships.views._helpers import page


@require_GET
def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    project = access.visible_project_or_404(request.user, pk)
    # An unknown category shows every KPI rather than an error: it only filters a view.
    category = request.GET.get("category", "")
    if category not in Category.values:
        category = ""
    return page(
        request,
        "kpis/dashboard.jinja",
        title=f"KPIs: {project.title}",
        nav="projects",
        project=project,
        categories=[("", "All categories"), *Category.choices],
        d=DashboardPresenter(project, request.user, category=category, today=timezone.localdate()),
        back_link={"href": f"/projects/{project.pk}/", "text": "Back to project"},
        **abilities(request.user, project),
    )
