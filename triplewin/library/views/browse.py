"""Browsing the library: search with facets, and a case study's page. No sign-in needed."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from triplewin.config.pagination import paginate
from triplewin.library import access
from triplewin.library.models import CaseStudy
from triplewin.library.presenters import CaseStudyPresenter, similarity
from triplewin.library.search import ORDERS, search
from triplewin.library.search.facets import FACETS
from triplewin.library.similar import project_profile
from triplewin.partnerships.models import Project
from triplewin.partnerships.views._helpers import page

PAGE_SIZE = 20


def _similar_project(request: HttpRequest) -> Project | None:
    raw = request.GET.get("similar", "")
    if not raw.isdigit() or len(raw) > 18:
        return None
    return Project.objects.visible_to(request.user).filter(pk=int(raw)).first()


def query_from(request: HttpRequest) -> tuple[str, dict[str, list[str]], str]:
    """The search query, facet filters and order in the request's query string."""
    query = request.GET.get("q", "").strip()[:200]
    filters = {spec.name: request.GET.getlist(spec.name) for spec in FACETS}
    order = request.GET.get("order", "")
    return query, filters, order if order in ORDERS else "relevance"


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    query, filters, order = query_from(request)
    project = _similar_project(request)
    if order == "similar" and project is None:
        order = "relevance"
    results = search(
        query, filters, order, similar_to=project_profile(project) if project else None
    )
    # paginate() only needs count() and slicing, which Hits provides page by page.
    page_obj, pagination = paginate(request, cast("QuerySet[CaseStudy]", results.hits), PAGE_SIZE)
    rows = [(CaseStudyPresenter(cs), similarity(results.matches.get(cs.pk))) for cs in page_obj]
    my_projects = (
        list(Project.objects.visible_to(request.user).order_by("title")[:200])
        if request.user.is_authenticated
        else []
    )
    context: dict[str, Any] = {
        "query": query,
        "results": results,
        "rows": rows,
        "pagination": pagination,
        "total": page_obj.paginator.count,
        "orders": ORDERS,
        "chosen_order": order,
        "project": project,
        "my_projects": my_projects,
        "export_query": request.GET.urlencode(),
        "drafts": list(access.drafts_for(request.user)[:50]),
        "ready": access.projects_ready_for_a_case_study(request.user),
        "can_import": access.is_staff(request.user),
    }
    return page(
        request, "library/index.jinja", title="Case study library", nav="library", **context
    )


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    study = access.case_study_or_404(request.user, pk)
    presenter = CaseStudyPresenter(study, request.user)
    return page(
        request,
        "library/detail.jinja",
        title=study.title,
        nav="library",
        c=presenter,
        back_link={"href": "/library/", "text": "Back to the library"},
    )
