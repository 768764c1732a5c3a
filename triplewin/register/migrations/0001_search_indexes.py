"""Trigram indexes for the register's text search, on PostgreSQL only.

The register searches published fields with case-insensitive substring matching, which
Django writes as UPPER(column::text) LIKE UPPER(pattern). On PostgreSQL a GIN trigram index
on exactly that expression lets each column be searched without reading every row. SQLite
has no such index and does not need one at its scale, so nothing happens there.
"""

from django.db import migrations

INDEXES = (
    ("register_title_trgm", "partnerships_project", "title"),
    ("register_area_trgm", "partnerships_project", "therapy_area"),
    ("register_summary_title_trgm", "executive_summary_executivesummary", "title"),
    ("register_rationale_trgm", "executive_summary_executivesummary", "rationale"),
    ("register_objectives_trgm", "executive_summary_executivesummary", "objectives"),
    ("register_org_name_trgm", "organisations_organisation", "name"),
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # pg_trgm is a trusted extension: the database owner may create it without superuser.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in INDEXES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _, _ in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0001_initial"),
        ("executive_summary", "0002_workflow"),
        ("organisations", "0002_disclosure_address"),
    ]

    operations = [migrations.RunPython(create, drop)]
