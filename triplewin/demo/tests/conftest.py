"""The demo is loaded once for each module of its tests, not once for each test.

Loading it takes seconds (every stage of several partnerships, walked through the services),
and 34 tests read it: loading it for each one cost about eight minutes of every CI pass. Here
a module's tests share one load, made inside a transaction that is rolled back after the last
of them. Each test still runs inside its own savepoint (pytest-django nests the test's atomic
block inside this one), so what one test changes the next never sees.

Stored files are the exception: the demo's files, and any a test writes, go to one folder for
the module, because the files written while loading must still be there for the tests.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from triplewin.config.storage import local_storage

FAST_PASSWORDS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _storages(root: Path) -> dict[str, Any]:
    return {
        **django_settings.STORAGES,
        "private": local_storage(root),
    }


@pytest.fixture(scope="module")
def demo_private_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("demo-private")


@pytest.fixture
def private_root(settings: Any, demo_private_root: Path) -> Path:
    """Replaces the suite's own (conftest.py): the module's folder, where the demo's are."""
    settings.STORAGES = _storages(demo_private_root)
    return demo_private_root


@pytest.fixture(scope="module")
def demo_output(
    django_db_setup: None, django_db_blocker: Any, demo_private_root: Path
) -> Iterator[str]:
    """What `load_demo` printed; the demo stays in the database until the module's tests end."""
    with (
        override_settings(STORAGES=_storages(demo_private_root), PASSWORD_HASHERS=FAST_PASSWORDS),
        django_db_blocker.unblock(),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            out = StringIO()
            call_command("load_demo", stdout=out)
        except BaseException:
            outer.__exit__(*sys.exc_info())
            raise
    try:
        yield out.getvalue()
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
