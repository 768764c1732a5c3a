"""The public register: only projects whose executive summary has been published."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from triplewin.config.pagination import paginate
from triplewin.executive_summary.models import ExecutiveSummary, ExecutiveSummaryQuerySet
from triplewin.register.presenters import RegisterEntry

PAGE_SIZE = 50


def _published() -> ExecutiveSummaryQuerySet:
    return (
        ExecutiveSummary.objects.published()
        .select_related("project")
        .prefetch_related("project__partners__organisation")
    )


def index(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    summaries = _published().order_by("-published_on", "-pk")
    if query:
        summaries = summaries.filter(
            Q(project__title__icontains=query) | Q(project__therapy_area__icontains=query)
        )
    page_obj, pagination = paginate(request, summaries, PAGE_SIZE)
    entries = [RegisterEntry(s) for s in page_obj]
    return render(
        request,
        "register/index.jinja",
        {
            "page_title": "Public register of partnerships",
            "nav": "register",
            "entries": entries,
            "query": query,
            "pagination": pagination,
            "total": page_obj.paginator.count,
        },
    )


def entry(request: HttpRequest, pk: int) -> HttpResponse:
    summary = _published().filter(project_id=pk).first()
    if summary is None:
        raise Http404("No published partnership has that number.")
    return render(
        request,
        "register/entry.jinja",
        {
            "page_title": summary.project.title,
            "nav": "register",
            "e": RegisterEntry(summary),
            "back_link": {"href": "/", "text": "Back to the register"},
        },
    )


def about(request: HttpRequest) -> HttpResponse:
    return render(
        request, "register/about.jinja", {"page_title": "About Triple Win", "nav": "register"}
    )
