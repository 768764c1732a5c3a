"""`manage.py restore <archive>`: put back the database and the private files (ADR 0040).

The archive is read and checked in full before anything changes. Stop the app servers, the
task workers and the scheduler first: the restore replaces every table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from triplewin.core.wording import counted
from triplewin.operations.backups.archive import BackupError, Manifest, backup_restore


class Command(BaseCommand):
    help = "Replace the database and write back the stored files from a backup archive."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "archive", type=Path, help="A triplewin-backup-….tar.gz or ….tar.gz.age file."
        )
        parser.add_argument(
            "--identity",
            type=Path,
            help="For an encrypted archive: the age identity file holding its private key.",
        )
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        archive: Path = options["archive"]
        interactive: bool = options["interactive"]

        def confirm(manifest: Manifest) -> bool:
            if not interactive:
                return True
            answer = input(
                f"{archive.name} holds {_holds(manifest)}.\nThis replaces everything in the "
                "database. Type 'yes' to restore it: "
            )
            return answer.strip().lower() == "yes"

        try:
            manifest = backup_restore(
                archive=archive, identity_file=options["identity"], confirm=confirm
            )
        except BackupError as error:
            raise CommandError(str(error)) from None
        if manifest is None:
            self.stdout.write("Nothing was restored.")
            return
        self.stdout.write(f"Restored and checked {_holds(manifest)}.")


def _holds(manifest: Manifest) -> str:
    return (
        f"{counted(manifest.rows, 'row')} in {counted(len(manifest.tables), 'table')} and "
        f"{counted(len(manifest.files), 'stored file')}, backed up at {manifest.created_at}"
    )
