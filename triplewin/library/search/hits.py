"""A page-at-a-time sequence of search results.

Django's Paginator asks for a count and then one slice; `Hits` answers the count from a number
already known and the slice with one query for the page's ids plus one to load those studies,
whatever the ordering (relevance, newest, title or similarity).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import overload

from triplewin.library.models import CaseStudy

IdsFor = Callable[[int, int], list[int]]
CARD_FIELDS = (
    "title",
    "summary",
    "status",
    "working_type",
    "setting",
    "nation",
    "region",
    "inequalities_focus",
    "what_happened_next",
    "therapy_mask",
    "intervention_mask",
    "published_at",
)


class Hits:
    def __init__(self, total: int, ids_for: IdsFor) -> None:
        self.total = total
        self._ids_for = ids_for

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def ids(self, offset: int = 0, limit: int | None = None) -> list[int]:
        size = self.total - offset if limit is None else limit
        return self._ids_for(offset, max(size, 0)) if size > 0 else []

    def _load(self, ids: list[int]) -> list[CaseStudy]:
        # Only what a result card shows; pages that need more load it from the ids.
        studies = (
            CaseStudy.objects.filter(pk__in=ids)
            .only(*CARD_FIELDS)
            .prefetch_related("parties", "outcomes")
        )
        loaded = {cs.pk: cs for cs in studies}
        return [loaded[pk] for pk in ids if pk in loaded]

    @overload
    def __getitem__(self, index: int) -> CaseStudy: ...

    @overload
    def __getitem__(self, index: slice) -> list[CaseStudy]: ...

    def __getitem__(self, index: int | slice) -> CaseStudy | list[CaseStudy]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self.total)
            if step != 1:
                raise ValueError("Search results can only be sliced in order.")
            return self._load(self.ids(start, stop - start))
        if not -self.total <= index < self.total:
            raise IndexError(index)
        return self._load(self.ids(index % self.total, 1))[0]

    def __iter__(self) -> Iterator[CaseStudy]:
        yield from self[0 : self.total]

    @classmethod
    def of(cls, ids: list[int]) -> Hits:
        return cls(len(ids), lambda offset, limit: ids[offset : offset + limit])
