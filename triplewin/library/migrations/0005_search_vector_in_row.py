"""PostgreSQL: keep each study's search vector in its table row rather than in TOAST.

A case study row is wider than PostgreSQL's 2 kB TOAST threshold, so with the default
EXTENDED storage the search vector (about 1 kB) was moved out of line, and ranking a search
read it back through the TOAST index for every match: at 10,000 studies about ten buffer
reads per matching row. MAIN storage keeps it in the row (compressed if need be) and moves
the long text columns out instead. Storage applies to values written after the change, so
the published studies' vectors are written again, with the same expression the services use
(search.index.write_index). SQLite has no such setting; nothing happens there.
"""

from django.db import migrations

REWRITE = """
    UPDATE library_casestudy SET search_vector =
        setweight(to_tsvector('simple'::regconfig, COALESCE(search_a, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, COALESCE(search_b, '')), 'B')
        || setweight(to_tsvector('simple'::regconfig, COALESCE(search_c, '')), 'C')
        || setweight(to_tsvector('simple'::regconfig, COALESCE(search_d, '')), 'D')
    WHERE status = 'published'
"""


def keep_in_row(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE library_casestudy ALTER COLUMN search_vector SET STORAGE MAIN"
        )
        schema_editor.execute(REWRITE)


def back_to_extended(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE library_casestudy ALTER COLUMN search_vector SET STORAGE EXTENDED"
        )


class Migration(migrations.Migration):
    dependencies = [("library", "0004_tag_masks")]

    operations = [migrations.RunPython(keep_in_row, back_to_extended)]
