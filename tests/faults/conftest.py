"""Fixtures for the fault tests: a folder for the processes' logs, and the report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import connection

from tests.faults import report

# A completed partnership whose disclosure and outcomes fall due in June and July 2025.
from triplewin.obligations.tests.conftest import completed as completed


@pytest.fixture
def logs(tmp_path: Path) -> Path:
    folder = tmp_path / "logs"
    folder.mkdir()
    return folder


@pytest.fixture
def record_fault() -> Callable[..., None]:
    def add(
        *, fault: str, done: str, user_saw: str, lost: str, doubled: str, database: str = ""
    ) -> None:
        vendor = database or ("PostgreSQL" if connection.vendor == "postgresql" else "SQLite")
        report.add(report.Row(fault, done, user_saw, lost, doubled, vendor))

    return add
