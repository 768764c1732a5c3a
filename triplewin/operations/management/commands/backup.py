"""`manage.py backup`: the database and every private file in one dated archive (ADR 0040)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from triplewin.core.wording import counted
from triplewin.operations.backups.archive import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Write the database and the stored private files to "
        "triplewin-backup-YYYYMMDD-HHMMSS.tar.gz in BACKUP_DIR (or --output-dir)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output-dir", type=Path, help="Where to write the archive (default: BACKUP_DIR)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        directory: Path = options["output_dir"] or settings.BACKUP_DIR
        try:
            outcome = backup_create(directory=directory)
        except BackupError as error:
            raise CommandError(str(error)) from None
        manifest = outcome.manifest
        self.stdout.write(
            f"Backed up {counted(manifest.rows, 'row')} in {counted(len(manifest.tables), 'table')} "
            f"and {counted(len(manifest.files), 'stored file')} to {outcome.archive}"
        )
