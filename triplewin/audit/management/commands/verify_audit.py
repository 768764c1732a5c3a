"""`manage.py verify_audit`: walk the whole audit chain and report its first break.

Exits 0 when every event verifies, 1 at the first break, naming the event, its time and what
no longer matches. The daily check (`triplewin.audit.daily`) runs the same walk.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from triplewin.audit.chain import verify_chain
from triplewin.core.wording import counted


class Command(BaseCommand):
    help = "Verify the audit chain: every event's hash, every link and the published heads."

    def handle(self, *args: Any, **options: Any) -> None:
        report = verify_chain()
        if report.broken is not None:
            raise CommandError(
                f"The audit chain is broken. {report.broken.describe()} "
                f"Verified before the break: {counted(report.events, 'event')}.",
                returncode=1,
            )
        if report.head is None:
            self.stdout.write("The audit chain is empty: nothing to verify.")
            return
        self.stdout.write(
            f"Every event verifies ({counted(report.events, 'event')}). The chain ends at event "
            f"{report.head.id} (number {report.head.content.sequence}) with hash "
            f"{report.head.hash}."
        )
