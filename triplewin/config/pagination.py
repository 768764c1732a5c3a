"""Pagination that keeps the query string and renders with the NHS.UK numbered pagination."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

T = TypeVar("T")
MAX_PAGE = 10**9


def paginate(
    request: HttpRequest, queryset: QuerySet[Any], per_page: int
) -> tuple[Page[Any], dict[str, Any]]:
    """The requested page (a bad page number gives the nearest real page) and macro params."""
    paginator = Paginator(queryset, per_page)
    page = paginator.get_page(request.GET.get("page"))
    return page, _params(request, paginator, page)


class _Counted:
    """What a Paginator needs of the whole list when only one page of it was fetched."""

    def __init__(self, total: int) -> None:
        self.total = total

    def count(self) -> int:
        return self.total


def paginate_counted(
    request: HttpRequest, fetch: Callable[[int, int], tuple[list[T], int]], per_page: int
) -> tuple[Page[T], dict[str, Any]]:
    """As `paginate`, for a list whose page and total come from one query:
    `fetch(offset, limit)` returns that page's rows and the number of rows in the whole list.
    A page number past the end gives the last page, as `paginate` does."""
    try:
        # Capped, so that no number typed into the address makes an offset the database refuses.
        number = min(max(1, int(request.GET.get("page") or 1)), MAX_PAGE)
    except ValueError:
        number = 1
    rows, total = fetch((number - 1) * per_page, per_page)
    last = max(1, math.ceil(total / per_page))
    if number > last:
        number = last
        rows, total = fetch((number - 1) * per_page, per_page)
    paginator: Paginator[T] = Paginator(_Counted(total), per_page)  # type: ignore[arg-type]
    page = Page(rows, number, paginator)
    return page, _params(request, paginator, page)


def _params(request: HttpRequest, paginator: Paginator[Any], page: Page[Any]) -> dict[str, Any]:
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
    return params
