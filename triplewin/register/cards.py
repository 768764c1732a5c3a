"""Each published partnership's card in the register's lists, rendered once and shared.

A page of results is a search and twenty cards. A card depends on its partnership and the
day, never on the search that found it, so every list that shows it (any search, any filter,
an organisation's page) shares one rendering, kept as long as the register's other entries
(`caching.SECONDS`). Rendering the cards cost more than the search itself (ADR 0043).

The search is never taken from here: which cards a page shows always comes from the search
the caller has just run, so a partnership that stops being published leaves every list at
once. A card is rendered only for a partnership published on the day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.template import engines
from markupsafe import Markup

from triplewin.register import caching
from triplewin.register.selectors import entries, ordered, published


def cards(ids: Sequence[int], today: dt.date) -> list[Markup]:
    """The cards of these partnerships, in the order given; one that is not published on
    `today` has none."""
    names = {pk: caching.key("card", today.isoformat(), str(pk)) for pk in ids}
    found = caching.cached_many(names, lambda missing: _render(missing, today))
    return [found[pk] for pk in ids if pk in found]


def _render(ids: list[int], today: dt.date) -> dict[int, Markup]:
    projects = list(ordered(published(today).filter(pk__in=ids)))
    card = engines["jinja2"].env.get_template("register/_entry.jinja").module.entry_card  # type: ignore[attr-defined]
    return {entry.pk: card(entry) for entry in entries(projects, today)}
