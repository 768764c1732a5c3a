from django.db import migrations

TABLES = ("audit_auditevent", "audit_chaincheck")

# PostgreSQL refuses UPDATE, DELETE and TRUNCATE on both tables, whoever asks. The one
# exception is a TRUNCATE in a session that set triplewin.allow_audit_truncate, which only
# the test suite does, to empty the tables between tests. A role that may TRUNCATE at all
# can also disable triggers, and the app's role may do neither (ADR 0012).
PG_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE'
       AND current_setting('triplewin.allow_audit_truncate', true) = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'The audit trail is append-only: % on % is refused.', TG_OP, TG_TABLE_NAME;
END
$$
"""
PG_TRIGGERS = (
    "CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
    "FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()",
    "CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()",
)
# SQLite (the demo and development database) refuses UPDATE only: the test suite empties
# tables with DELETE between tests, and a deletion breaks the chain visibly anyway.
SQLITE_TRIGGER = """
CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
BEGIN
    SELECT RAISE(ABORT, 'The audit trail is append-only: UPDATE on {table} is refused.');
END
"""


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FUNCTION, params=None)
        for table in TABLES:
            for trigger in PG_TRIGGERS:
                schema_editor.execute(trigger.format(table=table))
    elif vendor == "sqlite":
        for table in TABLES:
            schema_editor.execute(SQLITE_TRIGGER.format(table=table))


def uninstall(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in TABLES:
        if vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        elif vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
    if vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS audit_refuse_change()")


class Migration(migrations.Migration):
    dependencies = [("audit", "0005_chain_required_and_daily_checks")]

    operations = [migrations.RunPython(install, uninstall)]
