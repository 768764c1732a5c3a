"""The summary's three searchable columns are searched through one generated column,
`ExecutiveSummary.search_text`, already upper-cased (ADR 0042); on PostgreSQL its one trigram
index replaces the three that the old expression-per-column search needed.

A common word ("patients") matches most summaries, so the search then reads `search_text` in
every row. PostgreSQL compresses any row over 2 kB, and decompressing every summary took five
times as long as the match itself. So the summary table keeps rows of up to 8 kB whole, and
`search_text` is never compressed (a longer row stores it apart, uncompressed). Every row is
rewritten once, which stores each existing `search_text` that way.
"""

from django.db import migrations

OLD = (
    ("register_summary_title_trgm", "title"),
    ("register_rationale_trgm", "rationale"),
    ("register_objectives_trgm", "objectives"),
)
TABLE = "executive_summary_executivesummary"
NEW = "register_summary_search_trgm"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _ in OLD:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS "{NEW}" ON "{TABLE}" USING gin ("search_text" gin_trgm_ops)'
    )
    schema_editor.execute(f'ALTER TABLE "{TABLE}" SET (toast_tuple_target = 8160)')
    schema_editor.execute(f'ALTER TABLE "{TABLE}" ALTER COLUMN "search_text" SET STORAGE EXTERNAL')
    schema_editor.execute(f'UPDATE "{TABLE}" SET "title" = "title"')


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f'DROP INDEX IF EXISTS "{NEW}"')
    schema_editor.execute(f'ALTER TABLE "{TABLE}" RESET (toast_tuple_target)')
    for name, column in OLD:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{TABLE}" '
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


class Migration(migrations.Migration):
    dependencies = [
        ("register", "0001_search_indexes"),
        ("executive_summary", "0005_search_text"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
