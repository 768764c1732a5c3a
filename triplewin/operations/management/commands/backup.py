"""`manage.py backup`: the database and every private file in one dated archive (ADR 0040),
sealed with age for BACKUP_AGE_RECIPIENTS when that is set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from triplewin.core.wording import counted
from triplewin.operations.backups.archive import BackupError, backup_create, backup_prune


class Command(BaseCommand):
    help = (
        "Write the database and the stored private files to "
        "triplewin-backup-YYYYMMDD-HHMMSS.tar.gz in BACKUP_DIR (or --output-dir); with "
        "BACKUP_AGE_RECIPIENTS set, to ….tar.gz.age, encrypted for those public keys."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output-dir", type=Path, help="Where to write the archive (default: BACKUP_DIR)."
        )
        parser.add_argument(
            "--keep",
            type=int,
            help=(
                "Then delete all but the newest KEEP archives in that folder "
                "(default: BACKUP_KEEP; 0 or unset keeps every archive)."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        directory: Path = options["output_dir"] or settings.BACKUP_DIR
        keep: int = settings.BACKUP_KEEP if options["keep"] is None else options["keep"]
        if keep < 0:
            raise CommandError("--keep must be 0 (keep every archive) or more.")
        try:
            outcome = backup_create(directory=directory, recipients=settings.BACKUP_AGE_RECIPIENTS)
        except BackupError as error:
            raise CommandError(str(error)) from None
        manifest = outcome.manifest
        recipients = settings.BACKUP_AGE_RECIPIENTS
        sealed = (
            f", encrypted for {counted(len(recipients), 'public key')}"
            if recipients
            else " (not encrypted: BACKUP_AGE_RECIPIENTS is not set)"
        )
        self.stdout.write(
            f"Backed up {counted(manifest.rows, 'row')} in {counted(len(manifest.tables), 'table')} "
            f"and {counted(len(manifest.files), 'stored file')} to {outcome.archive}{sealed}"
        )
        if not keep:
            return
        # Only after a backup that worked: a failed one never costs an older archive.
        try:
            deleted = backup_prune(directory=directory, keep=keep, written=outcome.archive)
        except BackupError as error:
            raise CommandError(str(error)) from None
        if deleted:
            names = ", ".join(path.name for path in deleted)
            self.stdout.write(
                f"Kept the newest {counted(keep, 'archive')}; deleted {counted(len(deleted), 'older archive')}: {names}"
            )
