"""The database cache's table, for deployments without Redis (ADR 0015).

Made here rather than by `createcachetable` at start-up, so every database that is migrated has
it, whichever cache the settings choose today. Django's own command writes the table, so its
shape always matches the cache backend.
"""

from django.core.management.commands import createcachetable
from django.db import migrations

TABLE = "triplewin_cache"


def create(apps, schema_editor):
    command = createcachetable.Command()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [migrations.RunPython(create, drop)]
