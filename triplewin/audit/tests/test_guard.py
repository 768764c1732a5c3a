"""The database itself refuses to change the audit tables (ADR 0012)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import DatabaseError, connection, transaction

from triplewin.audit.models import AuditEvent, ChainCheck

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's trigger refuses these"
)
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's trigger")


def _raw(sql: str) -> None:
    # A savepoint, so the refused statement leaves the test's transaction usable.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)


@pytest.fixture
def check(db: None) -> ChainCheck:
    return ChainCheck.objects.create(
        day=dt.date(2027, 3, 1), verified=True, events=1, head_sequence=1, head_hash="a" * 64
    )


@pytest.mark.parametrize("table", ["audit_auditevent", "audit_chaincheck"])
def test_an_update_is_refused(events, check, table):
    with pytest.raises(DatabaseError, match="append-only: UPDATE on " + table):
        _raw(f"UPDATE {table} SET id = id")  # noqa: S608 - fixed table names


@on_postgresql
@pytest.mark.parametrize("table", ["audit_auditevent", "audit_chaincheck"])
def test_a_delete_is_refused(events, check, table):
    with pytest.raises(DatabaseError, match="append-only: DELETE on " + table):
        _raw(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
    assert AuditEvent.objects.count() > 0


@on_postgresql
@pytest.mark.parametrize("table", ["audit_auditevent", "audit_chaincheck"])
def test_a_truncate_is_refused(events, check, table):
    with transaction.atomic(), connection.cursor() as cursor:
        # The test suite allows itself to empty the tables between tests; a session that
        # has not said so is refused.
        cursor.execute("SET LOCAL triplewin.allow_audit_truncate = 'off'")
        with pytest.raises(DatabaseError, match="append-only: TRUNCATE on " + table):
            _raw(f"TRUNCATE {table}")


@on_postgresql
def test_the_triggers_are_installed_on_postgresql():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'O' "
            "AND tgrelid::regclass::text LIKE 'audit_%%' ORDER BY tgname"
        )
        names = [row[0] for row in cursor.fetchall()]
    assert names == [
        "audit_auditevent_append_only",
        "audit_auditevent_no_truncate",
        "audit_chaincheck_append_only",
        "audit_chaincheck_no_truncate",
    ]


@on_sqlite
def test_the_triggers_are_installed_on_sqlite():
    # SQLite drops a table's triggers whenever a migration rebuilds the table: this test
    # notices if a later migration of the audit app does so.
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        names = [row[0] for row in cursor.fetchall()]
    assert names == ["audit_auditevent_no_update", "audit_chaincheck_no_update"]


def test_deleting_a_user_leaves_their_events_untouched(events, nhs_lead, project):
    from triplewin.audit.chain import verify_chain

    user_id = nhs_lead.pk
    nhs_lead.memberships.all().delete()
    type(project).objects.filter(pk=project.pk).update(created_by=None)
    nhs_lead.delete()
    assert AuditEvent.objects.filter(actor_id=user_id).count() > 0
    assert verify_chain().verified
