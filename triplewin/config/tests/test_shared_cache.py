"""The shared cache: Redis when REDIS_URL says so, else a database table made by a migration."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import connection

from tests.workers import new_worker

SHARED = {
    "django.core.cache.backends.redis.RedisCache",
    "django.core.cache.backends.db.DatabaseCache",
}


def settings_with(**env: str) -> subprocess.CompletedProcess[str]:
    """Import the settings in a fresh interpreter, as a server starting up would."""
    code = "from triplewin.config import settings as s; import json; print(json.dumps(s.CACHES))"
    clean = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "CLIENT_IP_HEADER"}}
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "DEBUG": "true", **env},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "backend", "location"),
    [
        ({}, "django.core.cache.backends.db.DatabaseCache", "triplewin_cache"),
        (
            {"REDIS_URL": "redis://127.0.0.1:6379/9"},
            "django.core.cache.backends.redis.RedisCache",
            "redis://127.0.0.1:6379/9",
        ),
    ],
)
def test_redis_url_chooses_redis_and_its_absence_the_database(
    env: dict[str, str], backend: str, location: str
) -> None:
    found = settings_with(**env)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["default"] == {"BACKEND": backend, "LOCATION": location}


def test_a_malformed_redis_url_stops_start_up() -> None:
    found = settings_with(REDIS_URL="127.0.0.1:6379")
    assert found.returncode != 0
    assert "REDIS_URL must start with redis://" in found.stderr


def test_the_configured_cache_is_shared_between_processes(settings: object) -> None:
    # A per-process cache (Django's default LocMemCache) would let each worker count alone.
    assert settings.CACHES["default"]["BACKEND"] in SHARED  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_a_value_written_by_one_worker_is_read_by_another() -> None:
    cache.set("shared-check", 41)
    other = new_worker()
    assert other.incr("shared-check") == 42
    new_worker()
    assert cache.get("shared-check") == 42


@pytest.mark.django_db
def test_the_migration_makes_the_cache_table() -> None:
    migration = importlib.import_module("triplewin.accounts.migrations.0001_cache_table")
    with connection.cursor() as cursor:
        editor = SimpleNamespace(
            connection=connection, execute=cursor.execute, quote_name=connection.ops.quote_name
        )
        migration.drop(None, editor)
        assert "triplewin_cache" not in connection.introspection.table_names()
        migration.create(None, editor)
        # Running it again is harmless: a database that has the table keeps it.
        migration.create(None, editor)
    assert "triplewin_cache" in connection.introspection.table_names()
