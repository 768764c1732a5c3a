"""Editing the audit table behind the product's back, as a test of what notices."""

from __future__ import annotations

from typing import Any

from django.db import connection


def tamper(sql: str, params: tuple[Any, ...] = ()) -> None:
    """Run raw SQL on the audit table as someone with direct database access would.

    The database's own guard is lifted first, inside the test's transaction, so it comes
    back when the test ends. Use only in tests wrapped in a transaction (the default).
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS audit_auditevent_no_update")
        cursor.execute(sql, params)
