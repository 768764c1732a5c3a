"""The register's Atom feed: one entry for each newly published executive summary and each
newly published summary of outcomes, newest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import feedgenerator, timezone

from triplewin.core.input_guard import safe_text
from triplewin.register import certified
from triplewin.register.open_data import absolute
from triplewin.register.presenters import RegisterEntry
from triplewin.register.selectors import entries, ordered, published

FEED_SIZE = 50


class TextSummaryFeed(feedgenerator.Atom1Feed):
    """Atom whose summaries are plain text, as people typed them.

    Django marks every summary as HTML, so a feed reader would render a rationale containing
    `<b>` as markup; typed as text, it shows the characters.
    """

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


@dataclass(frozen=True)
class FeedItem:
    """One publication: an executive summary, or a summary of outcomes."""

    day: dt.date
    order: tuple[int, int]
    fields: dict[str, Any]


def _moment(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(9)))


def _categories(entry: RegisterEntry, *extra: str) -> list[str]:
    return [safe_text(c) for c in (entry.type_label, entry.therapy_area, *extra) if c]


def _summary_item(entry: RegisterEntry, today: dt.date) -> FeedItem:
    day = entry.published_on or today
    link = absolute(reverse("register:entry", args=[entry.pk]))
    return FeedItem(
        day,
        (entry.pk, 0),
        {
            "title": safe_text(entry.title),
            "link": link,
            "unique_id": link,
            "description": safe_text(
                entry.summary.rationale or entry.summary.objectives or entry.title
            ),
            "pubdate": _moment(day),
            "updateddate": _moment(day),
            "categories": _categories(entry),
            "author_name": safe_text(", ".join(entry.partners)),
        },
    )


def _outcomes_item(entry: RegisterEntry, today: dt.date) -> FeedItem:
    assert entry.outcomes is not None
    summary = entry.outcomes.summary
    day = entry.outcomes.published_on or today
    link = absolute(reverse("register:entry", args=[entry.pk])) + "#outcomes-heading"
    return FeedItem(
        day,
        (entry.pk, 1),
        {
            "title": safe_text(f"Outcomes published: {entry.title}"),
            "link": link,
            "unique_id": link,
            "description": safe_text(
                summary.overview or summary.conclusions or summary.results or entry.title
            ),
            "pubdate": _moment(day),
            "updateddate": _moment(day),
            "categories": _categories(entry, "Summary of outcomes"),
            "author_name": safe_text(", ".join(entry.partners)),
        },
    )


def _recent_outcomes(today: dt.date) -> list[RegisterEntry]:
    """Register entries of the projects whose outcomes were published most recently."""
    ids = list(
        certified.published_outcomes(today)
        .filter(project__in=published(today))
        .order_by("-published_on", "-project_id")
        .values_list("project_id", flat=True)[:FEED_SIZE]
    )
    return entries(list(ordered(published(today)).filter(pk__in=ids)), today)


def atom_feed(today: dt.date) -> feedgenerator.Atom1Feed:
    feed = TextSummaryFeed(
        title="Triple Win: newly published partnerships and outcomes",
        link=absolute(reverse("register:index")),
        description=(
            "Executive summaries and summaries of outcomes of NHS and industry partnerships, "
            "newest first."
        ),
        language="en-gb",
        feed_url=absolute(reverse("register:feed")),
    )
    latest = list(ordered(published(today))[:FEED_SIZE])
    items = [_summary_item(entry, today) for entry in entries(latest, today)]
    items += [_outcomes_item(e, today) for e in _recent_outcomes(today) if e.outcomes]
    items.sort(key=lambda item: (item.day, item.order), reverse=True)
    for item in items[:FEED_SIZE]:
        feed.add_item(**item.fields)
    return feed
