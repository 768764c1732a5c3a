"""Editing the audit table behind the product's back, as a test of what notices."""

from __future__ import annotations

from typing import Any

from django.db import connection


def lift_guard() -> None:
    """Lift the database's refusal of changes to the audit table, inside the test's
    transaction, so it comes back when the test ends (as when a migration runs before it)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS audit_auditevent_no_update")


def tamper(sql: str, params: tuple[Any, ...] = ()) -> None:
    """Run raw SQL on the audit table as someone with direct database access would.

    Use only in tests wrapped in a transaction (the default).
    """
    lift_guard()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
