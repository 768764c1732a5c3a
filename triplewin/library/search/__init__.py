"""Library search: one interface over PostgreSQL full-text search and SQLite FTS5.

    results = search("COPD in primary care", {"setting": ["primary"]}, "relevance")

gives the published case studies that mention any of the query's terms, filtered by the
facets, in the requested order (best match, newest, title, or similarity to a project), with
the facet counts for the same query.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from django.db.models.expressions import Combinable
from django.db.models.functions import Lower

from triplewin.core.library import text
from triplewin.core.library.similarity import Match, Profile
from triplewin.library.models import CaseStudy, CaseStudyQuerySet
from triplewin.library.search import facets as facet_module
from triplewin.library.search.backends import backend
from triplewin.library.search.facets import Facet
from triplewin.library.search.hits import Hits

ORDERS: Final = {
    "relevance": "Best match (newest first when there are no search words)",
    "newest": "Newest",
    "title": "Title (A to Z)",
    "similar": "Most similar to a project",
}


@dataclass(frozen=True)
class SearchResults:
    hits: Hits
    terms: tuple[str, ...]
    selection: Mapping[str, tuple[str, ...]]
    order: str
    facets: tuple[Facet, ...] = ()
    # Similarity scores by case study id, when ordered by similarity to a project.
    matches: Mapping[int, Match[int]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.hits.total

    @property
    def filtered(self) -> bool:
        return bool(self.terms or self.selection)


def _ordered(queryset: CaseStudyQuerySet, total: int, *order: str | Combinable) -> Hits:
    def ids_for(offset: int, limit: int) -> list[int]:
        ordered = queryset.order_by(*order).values_list("pk", flat=True)
        return list(ordered[offset : offset + limit])

    return Hits(total, ids_for)


def search(
    query: str = "",
    filters: Mapping[str, Sequence[str]] | None = None,
    order: str = "relevance",
    *,
    similar_to: Profile | None = None,
    with_facets: bool = True,
) -> SearchResults:
    """Published case studies matching the query and filters, in the requested order."""
    from triplewin.library import similar

    terms = tuple(text.query_terms(query))
    engine = backend()
    base = CaseStudy.objects.published()
    if terms:
        base = base.filter(pk__in=engine.matching(terms))
    selection = facet_module.clean(filters or {})
    filtered = facet_module.apply(base, selection)
    if with_facets:
        total, found = facet_module.all_facets(base, selection, share=bool(terms))
    else:
        total, found = filtered.count(), ()
    matches: dict[int, Match[int]] = {}
    if order == "similar" and similar_to is not None:
        ranked = similar.rank(similar_to, within=filtered if terms or selection else None)
        hits = Hits.of([m.key for m in ranked])
        matches = {m.key: m for m in ranked}
    elif order == "relevance" and terms:
        within = filtered if selection else None
        hits = Hits(
            total,
            lambda offset, limit: engine.ranked_ids(terms, offset, limit, within=within),
        )
    elif order == "title":
        hits = _ordered(filtered, total, Lower("title"), "pk")
    else:
        order = "newest"
        hits = _ordered(filtered, total, "-published_at", "-pk")
    return SearchResults(hits, terms, selection, order, found, matches)
