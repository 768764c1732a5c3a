"""The database half of a backup, through django-dbbackup's connectors.

PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --single-transaction`, so a
restore replaces every table in one transaction or changes nothing. SQLite: SQLite's online
backup API both ways (dbbackup's own SQLite restore writes over the file, which a database in
WAL mode with open connections does not survive).

The row counts that go in the manifest are taken from exactly what was dumped: on PostgreSQL
in the snapshot pg_dump is given, on SQLite from the copy itself.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from shutil import copyfileobj
from typing import IO, Any

from dbbackup.db.base import get_connector  # type: ignore[import-untyped]
from dbbackup.db.exceptions import CommandConnectorError  # type: ignore[import-untyped]
from dbbackup.db.sqlite import SqliteBackupConnector  # type: ignore[import-untyped]
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, transaction

# dbbackup sets its command logger to DEBUG when imported, which would print every pg_dump and
# pg_restore command line, connection address included, among the app's own log lines.
logging.getLogger("dbbackup.command").setLevel(logging.WARNING)

SQLITE_CONNECTOR = "triplewin.operations.backups.database.SqliteConnector"
# What dumping or restoring raises when the database or its tools refuse.
DATABASE_ERRORS: tuple[type[Exception], ...] = (
    CommandConnectorError,
    DatabaseError,
    sqlite3.Error,
    OSError,
)


class SqliteConnector(SqliteBackupConnector):
    """dbbackup's SQLite connector, restoring through the backup API into the live database."""

    def restore_dump(self, dump: IO[bytes]) -> None:
        with _as_file(dump) as path:
            source = sqlite3.connect(path)
            try:
                self.connection.ensure_connection()
                source.backup(self.connection.connection)
            finally:
                source.close()


@contextlib.contextmanager
def _as_file(dump: IO[bytes]) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "database.sqlite3"
        with path.open("wb") as out:
            copyfileobj(dump, out)
        yield path


def vendor() -> str:
    return connection.vendor


def _connector() -> Any:
    if connection.vendor == "sqlite":
        return get_connector(DEFAULT_DB_ALIAS, connector_path=SQLITE_CONNECTOR)
    return get_connector(DEFAULT_DB_ALIAS)


def _quoted(name: str) -> str:
    return connection.ops.quote_name(name)


def live_counts() -> dict[str, int]:
    """Rows in every table of the live database."""
    with connection.cursor() as cursor:
        names = connection.introspection.table_names(cursor)
        counts: dict[str, int] = {}
        for name in names:
            cursor.execute(f"SELECT COUNT(*) FROM {_quoted(name)}")  # noqa: S608 - table names from the catalogue
            counts[name] = int(cursor.fetchone()[0])
    return counts


def _sqlite_counts(path: Path) -> dict[str, int]:
    copy = sqlite3.connect(path)
    try:
        names = [
            row[0]
            for row in copy.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            name: int(copy.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0])  # noqa: S608
            for name in names
        }
    finally:
        copy.close()


def dump(*, to: Path) -> dict[str, int]:
    """Write the whole database to `to`; return the rows per table that the dump holds."""
    connector = _connector()
    if connection.vendor == "postgresql":
        # One snapshot for the counts and for pg_dump, so the manifest describes the dump.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = live_counts()
            connector.dump_suffix = f"--snapshot={snapshot}"
            _write(connector.create_dump(), to)
        return counts
    _write(connector.create_dump(), to)
    if connection.vendor == "sqlite":
        return _sqlite_counts(to)
    return live_counts()


def _write(dumped: IO[bytes], to: Path) -> None:
    with to.open("wb") as out:
        copyfileobj(dumped, out)
    dumped.close()


def restore(*, source: Path) -> None:
    """Replace the whole database with the dump at `source`."""
    connector = _connector()
    # pg_restore drops and recreates every table: this process must hold nothing open.
    connections.close_all()
    with source.open("rb") as dumped:
        connector.restore_dump(dumped)
    connections.close_all()
