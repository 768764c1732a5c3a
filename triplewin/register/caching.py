"""Short-lived caching of the register's public, expensive parts.

The register is read far more than it changes, and what it shows is public by definition, so
the filter choices, each results page and each partnership's page are kept for a minute. Keys
include the day, because what is published and which obligations are overdue both depend on
it, and the full request path, so every combination of filters has its own entry. A new
publication, or a change to a published partnership, appears within a minute; nothing
unpublished can be cached because nothing unpublished is ever rendered.

Caching is off under the test suite, where data changes between every test; the tests of
this module turn it on explicitly.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Mapping
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache

SECONDS = 60
T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


def enabled() -> bool:
    return not getattr(settings, "TESTING", False)


def key(*parts: str) -> str:
    return "register:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def cached(name: str, build: Callable[[], T]) -> T:
    if not enabled():
        return build()
    found: T | None = cache.get(name)
    if found is None:
        found = build()
        # Nothing to keep (a page that does not exist): asked again, it is worked out again.
        if found is not None:
            cache.set(name, found, SECONDS)
    return found


def cached_many(names: Mapping[K, str], build: Callable[[list[K]], Mapping[K, T]]) -> dict[K, T]:
    """`cached` for several things at once: one read of the cache for all of them, then
    `build` for those it lacked (in the order given) and one write. What `build` leaves out
    is left out of the answer, and nothing is stored for it."""
    if not enabled():
        return dict(build(list(names)))
    stored = cache.get_many(list(names.values()))
    found = {k: stored[name] for k, name in names.items() if name in stored}
    missing = [k for k in names if k not in found]
    if missing:
        built = build(missing)
        cache.set_many({names[k]: value for k, value in built.items()}, SECONDS)
        found.update(built)
    return found
