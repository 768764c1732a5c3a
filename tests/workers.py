"""Pretend the next request is served by another worker process, with its own cache client.

Each process builds its own cache client (allauth's rate limits read it through Django's cache
proxy). Dropping it makes the next request build a new one, with a new connection (Redis) or a
new cache object (the database cache): anything they still agree on lives in the shared store,
not in this process.
"""

from __future__ import annotations

from typing import Any

from django.core.cache import caches


def cache_client() -> Any:
    return caches["default"]


def new_worker() -> Any:
    before = cache_client()
    del caches["default"]
    after = cache_client()
    assert after is not before
    return after
