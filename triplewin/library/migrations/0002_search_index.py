"""The full-text index, which differs by database.

PostgreSQL: a GIN index on the stored search_vector column (written by the services).
SQLite: an FTS5 virtual table holding the same normalised text in four weighted columns.
"""

from django.db import migrations

POSTGRES_CREATE = (
    "CREATE INDEX IF NOT EXISTS library_casestudy_search_gin "
    "ON library_casestudy USING gin (search_vector)"
)
POSTGRES_DROP = "DROP INDEX IF EXISTS library_casestudy_search_gin"
# The default unicode61 tokenizer splits on the same characters as the normaliser does, and
# the text it receives is already lowercased, stemmed and free of stop words.
SQLITE_CREATE = "CREATE VIRTUAL TABLE IF NOT EXISTS library_fts USING fts5(a, b, c, d)"
SQLITE_DROP = "DROP TABLE IF EXISTS library_fts"


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_CREATE)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_DROP)


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
