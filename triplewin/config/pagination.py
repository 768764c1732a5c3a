"""Pagination that keeps the query string and renders with the NHS.UK numbered pagination."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest


def paginate(
    request: HttpRequest, queryset: QuerySet[Any], per_page: int
) -> tuple[Page[Any], dict[str, Any]]:
    """The requested page (a bad page number gives the nearest real page) and macro params."""
    paginator = Paginator(queryset, per_page)
    page = paginator.get_page(request.GET.get("page"))

    def href(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return f"?{query.urlencode()}"

    params: dict[str, Any] = {}
    if paginator.num_pages > 1:
        items: list[dict[str, Any]] = []
        for number in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1):
            if not isinstance(number, int):
                items.append({"ellipsis": True})
            else:
                items.append(
                    {"number": number, "href": href(int(number)), "current": number == page.number}
                )
        params = {"items": items}
        if page.has_previous():
            params["previous"] = {"href": href(page.previous_page_number())}
        if page.has_next():
            params["next"] = {"href": href(page.next_page_number())}
    return page, params
