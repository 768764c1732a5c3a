"""Two full-text backends behind one interface: PostgreSQL and SQLite FTS5.

Both receive terms already normalised by `triplewin.core.library.text` and work in two steps:
`matching` gives an uncorrelated subquery of the ids that contain any (or every) term, which
filters, counts and facets use cheaply; `ranked_ids` orders one page of the matches. Only
published studies are indexed. Ranking uses the same ingredients on both: four weight classes (A 1.0, B 0.4,
C 0.2, D 0.1), BM25's inverse document frequency (a rare term counts for more than a common
one), and studies containing every term before studies that lack one. SQLite's bm25() does
the weighting natively; PostgreSQL's ts_rank knows nothing of document frequency, so each
term's ts_rank is multiplied by the IDF that FTS5 uses. See ADR 0003.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Protocol

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, QuerySet, Value
from django.db.models.expressions import Combinable

from triplewin.core.library import text
from triplewin.library.models import CaseStudy, CaseStudyQuerySet, FtsDocument

WEIGHTS = {"a": 1.0, "b": 0.4, "c": 0.2, "d": 0.1}


def bm25_idf(total: int, hits: int) -> float:
    """FTS5's BM25 inverse document frequency, including its floor for very common terms."""
    idf = math.log((total - hits + 0.5) / (hits + 0.5)) if total else 0.0
    return idf if idf > 0 else 1e-6


class Backend(Protocol):
    name: str

    def matching(self, terms: Sequence[str], *, every: bool = False) -> QuerySet[Any, Any]:
        """A subquery of the ids of published studies with any, or every, of the terms."""
        ...

    def ranked_ids(
        self,
        terms: Sequence[str],
        offset: int,
        limit: int,
        *,
        within: CaseStudyQuerySet | None = None,
    ) -> list[int]:
        """One page of the ids of published studies with any of the terms, best match first;
        only those in `within` when it is given (the facet filters)."""
        ...

    def rough_ids(
        self, terms: Sequence[str], limit: int, *, within: CaseStudyQuerySet | None = None
    ) -> list[int]:
        """Good matches for many terms at once, cheaply: a shortlist, not a ranking to show."""
        ...


class SqliteBackend:
    name = "sqlite-fts5"

    def rough_ids(
        self, terms: Sequence[str], limit: int, *, within: CaseStudyQuerySet | None = None
    ) -> list[int]:
        # bm25() is cheap enough that the shortlist can use the real ranking.
        return self.ranked_ids(terms, 0, limit, within=within)

    def matching(self, terms: Sequence[str], *, every: bool = False) -> QuerySet[Any, Any]:
        return FtsDocument.objects.filter(
            document__match=text.fts5_query(terms, every=every)
        ).values("case_study_id")

    def ranked_ids(
        self,
        terms: Sequence[str],
        offset: int,
        limit: int,
        *,
        within: CaseStudyQuerySet | None = None,
    ) -> list[int]:
        # Raw SQL so that the query is driven by one MATCH over the FTS index. Through a join
        # (or with a plain `rowid IN` that FTS5 takes as a rowid constraint) SQLite may re-run
        # MATCH once per candidate row, which is a hundred times slower; the unary + keeps the
        # IN as a filter. The filtered ids arrive as Django's own compiled, parameterised
        # subquery, so nothing here is assembled from user input.
        restriction, restriction_params = "", []
        if within is not None:
            sql, sql_params = within.order_by().values("pk").query.sql_with_params()
            restriction, restriction_params = f"AND +f.rowid IN ({sql})", list(sql_params)
        weights = ", ".join(str(WEIGHTS[c]) for c in "abcd")
        statement = f"""
            SELECT f.rowid FROM library_fts AS f
            WHERE f.library_fts MATCH %s {restriction}
            ORDER BY (f.rowid IN (SELECT rowid FROM library_fts WHERE library_fts MATCH %s)) DESC,
                     -bm25(f.library_fts, {weights}) DESC, f.rowid DESC
            LIMIT %s OFFSET %s
        """  # noqa: S608 - only the weights (constants) and Django's compiled SQL are formatted in
        params = [
            text.fts5_query(terms),
            *restriction_params,
            text.fts5_query(terms, every=True),
            limit,
            offset,
        ]
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            return [row[0] for row in cursor.fetchall()]


def _query(terms: Sequence[str], *, every: bool = False) -> SearchQuery:
    return SearchQuery(text.tsquery(terms, every=every), search_type="raw", config="simple")


class PostgresBackend:
    name = "postgresql"
    # ts_rank takes weights in the order D, C, B, A; normalisation 1 divides by 1 + log(length).
    RANK_WEIGHTS = [WEIGHTS["d"], WEIGHTS["c"], WEIGHTS["b"], WEIGHTS["a"]]

    def matching(self, terms: Sequence[str], *, every: bool = False) -> QuerySet[Any, Any]:
        # Only published studies have a search vector (see index.write_index).
        return CaseStudy.objects.filter(search_vector=_query(terms, every=every)).values("pk")

    def idf(self, terms: Sequence[str]) -> dict[str, float]:
        # Counting each term's matches through the GIN index is cheap; evaluating @@ for every
        # term on every matching row, in one aggregate, is not.
        total = CaseStudy.objects.published().count()
        return {
            t: bm25_idf(total, CaseStudy.objects.filter(search_vector=_query([t])).count())
            for t in terms
        }

    def rough_ids(
        self, terms: Sequence[str], limit: int, *, within: CaseStudyQuerySet | None = None
    ) -> list[int]:
        # One ts_rank over the whole OR query, without document frequencies or tiers.
        matches = CaseStudy.objects.filter(search_vector=_query(terms))
        if within is not None:
            matches = matches.filter(pk__in=within.values("pk"))
        rank = SearchRank(
            F("search_vector"), _query(terms), weights=self.RANK_WEIGHTS, normalization=Value(1)
        )
        ordered = matches.annotate(rank=rank).order_by("-rank", "-pk")
        return list(ordered.values_list("pk", flat=True)[:limit])

    def _rank(self, terms: Sequence[str], idf: dict[str, float]) -> Combinable:
        parts: list[Combinable] = [
            SearchRank(
                F("search_vector"),
                _query([term]),
                weights=self.RANK_WEIGHTS,
                normalization=Value(1),
            )
            * Value(idf[term])
            for term in terms
        ]
        rank = parts[0]
        for part in parts[1:]:
            rank = rank + part
        return rank

    def ranked_ids(
        self,
        terms: Sequence[str],
        offset: int,
        limit: int,
        *,
        within: CaseStudyQuerySet | None = None,
    ) -> list[int]:
        # Studies with every term come first, so they are ranked on their own first; the rest
        # are ranked only when the page reaches past them. The order is the same as ranking
        # everything at once, but a typical first page never computes ts_rank for the
        # thousands of studies that mention only one common term.
        # With one term the IDF only scales every score alike, so it is not worth counting.
        idf = self.idf(terms) if len(terms) > 1 else {terms[0]: 1.0}
        rank = self._rank(terms, idf)
        every = CaseStudy.objects.filter(search_vector=_query(terms, every=True))
        some = CaseStudy.objects.filter(search_vector=_query(terms))
        if within is not None:
            every = every.filter(pk__in=within.values("pk"))
            some = some.filter(pk__in=within.values("pk"))
        tiers = [every, some.exclude(pk__in=every.values("pk"))] if len(terms) > 1 else [some]
        ids: list[int] = []
        for tier in tiers:
            # A tier's size only matters when the page starts beyond it.
            size = tier.count() if offset and tier is not tiers[-1] else None
            if size is not None and offset >= size:
                offset -= size
                continue
            ordered = tier.annotate(rank=rank).order_by("-rank", "-pk").values_list("pk", flat=True)
            ids += list(ordered[offset : offset + limit - len(ids)])
            offset = 0
            if len(ids) >= limit:
                break
        return ids


def backend() -> Backend:
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
