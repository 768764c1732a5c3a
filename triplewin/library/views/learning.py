"""Learning from the library: what it holds, how long projects ran, what lasted, and lessons."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from triplewin.core.library import vocabulary as vocab
from triplewin.library import insights
from triplewin.partnerships.views._helpers import page


@require_GET
def learning(request: HttpRequest) -> HttpResponse:
    return page(
        request,
        "library/learning.jinja",
        title="Learning from the library",
        nav="library",
        i=insights.library_insights(),
        chart_width=insights.CHART_WIDTH,
    )


@require_GET
def lesson_finder(request: HttpRequest) -> HttpResponse:
    # The blank barrier code (a general lesson) travels in the URL as "general".
    codes = {(code or "general"): code for code in vocab.BARRIERS}
    chosen = request.GET.get("barrier", "all")
    if chosen not in codes:
        chosen = "all"
    counts = insights.barrier_counts()
    options = [("all", "All lessons", sum(counts.values()))] + [
        (code or "general", text, counts.get(code, 0)) for code, text in vocab.BARRIERS.items()
    ]
    return page(
        request,
        "library/lessons.jinja",
        title="Lesson finder",
        nav="library",
        options=options,
        chosen=chosen,
        chosen_label=next(text for value, text, _ in options if value == chosen),
        rows=insights.lessons(None if chosen == "all" else codes[chosen]),
    )
