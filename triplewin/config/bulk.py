"""Updating many rows at once, fast enough for a batch of 10,000 (ADR 0036).

Django's `bulk_update` writes one CASE expression per field and row; resolving them costs
seconds at 10,000 rows. `update_rows` sends each batch as one `WITH v(...) AS (VALUES ...)
UPDATE ... FROM v`, which SQLite (3.33 and later) and PostgreSQL both run, with each value
cast to its column's type so PostgreSQL does not read them as text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection, models

BATCH = 500


def update_rows(model: type[models.Model], rows: Sequence[Any], fields: Sequence[str]) -> None:
    """Save `fields` of each instance in `rows` (all of `model`, all saved before)."""
    if not rows:
        return
    meta = model._meta
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    pk = meta.pk
    assert isinstance(pk, models.Field)
    columns: list[models.Field[Any, Any]] = []
    for name in fields:
        found = meta.get_field(name)
        assert isinstance(found, models.Field)
        columns.append(found)
    every = [pk, *columns]
    names = ", ".join(quote(f.column) for f in every)
    cast = {f.column: f.db_type(connection) for f in every}
    settings = ", ".join(
        f"{quote(f.column)} = CAST(v.{quote(f.column)} AS {cast[f.column]})" for f in columns
    )
    key = f"{table}.{quote(pk.column)} = CAST(v.{quote(pk.column)} AS {cast[pk.column]})"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            chunk = rows[start : start + BATCH]
            params: list[Any] = []
            for row in chunk:
                params.append(pk.get_db_prep_save(row.pk, connection))
                params.extend(
                    f.get_db_prep_save(getattr(row, f.attname), connection) for f in columns
                )
            values = ", ".join(["(" + ", ".join(["%s"] * len(every)) + ")"] * len(chunk))
            cursor.execute(
                f"WITH v ({names}) AS (VALUES {values}) "  # noqa: S608 - names are the model's own
                f"UPDATE {table} SET {settings} FROM v WHERE {key}",
                params,
            )
