"""Running the migrations to a point, for the tests that move records between schemas."""

from __future__ import annotations

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# Set when a test moved the schema; the root conftest puts it back to the latest afterwards,
# so a test that stops at a migration that is not the newest never leaves an old schema for
# the tests that run after it on the same worker.
moved = False


def migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    """Migrate the test database to `targets` (forwards or backwards), on a fresh graph."""
    global moved
    moved = True
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def restore_latest() -> None:
    """Every app at its newest migration again, if a test moved the schema."""
    global moved
    if not moved:
        return
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    moved = False
