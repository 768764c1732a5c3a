"""Pretend the next request is served by another worker process, with its own cache client.

Each process builds its own cache client and its own django-axes handler. Dropping both makes
the next request build new ones, with a new connection (Redis) or a new cache object (the
database cache): anything they still agree on lives in the shared store, not in this process.
"""

from __future__ import annotations

from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from django.core.cache import caches


def cache_client() -> Any:
    return caches["default"]


def new_worker() -> Any:
    before = cache_client()
    del caches["default"]
    AxesProxyHandler.implementation = None
    after = cache_client()
    assert after is not before
    return after
