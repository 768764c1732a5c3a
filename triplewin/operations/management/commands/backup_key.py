"""`manage.py backup_key <file>`: a new age key pair for encrypted backups (ADR 0040).

The private key goes to a new file readable only by its owner; the public key is printed, to
be set as BACKUP_AGE_RECIPIENTS on the servers. Keep the file off the servers: it is needed
only to restore. `age-keygen` makes the same kind of pair.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from triplewin.operations.backups.encryption import new_identity


class Command(BaseCommand):
    help = "Write a new age private key to FILE and print its public key for BACKUP_AGE_RECIPIENTS."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file", type=Path, help="Where to write the private key (must not exist)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        target: Path = options["file"]
        identity, public = new_identity()
        body = (
            f"# created: {timezone.now():%Y-%m-%dT%H:%M:%SZ} by manage.py backup_key\n"
            f"# public key: {public}\n{identity}\n"
        )
        try:
            # O_EXCL: never replaces a key file, which would make older backups unreadable.
            descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise CommandError(
                f"{target} already exists; choose another file (replacing a key would leave "
                "the backups sealed for it unreadable)."
            ) from None
        except OSError as error:
            raise CommandError(f"{target} cannot be written: {error.strerror}.") from None
        with os.fdopen(descriptor, "w", encoding="ascii") as stream:
            stream.write(body)
        self.stdout.write(
            f"Wrote the private key to {target} (readable by you only). Keep it off the servers "
            "and somewhere safe: without it no encrypted backup can be restored.\n"
            f"Set this on the servers that run backups:\nBACKUP_AGE_RECIPIENTS={public}"
        )
