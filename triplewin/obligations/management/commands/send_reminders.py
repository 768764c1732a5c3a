"""Send the reminders for one day now, without the queue: for operators and for trying
out deadlines ("move the clock" with --today)."""

from __future__ import annotations

import datetime as dt
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from triplewin.obligations.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Send the obligation reminders due on a day (default today); each is sent once."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--today", help="Act as if today were this date (YYYY-MM-DD).")

    def handle(self, *args: Any, today: str | None, **options: Any) -> None:
        try:
            day = dt.date.fromisoformat(today) if today else timezone.localdate()
        except ValueError:
            raise CommandError("--today must be a date written as YYYY-MM-DD.") from None
        run = send_due_reminders(today=day)
        self.stdout.write(
            f"{day.isoformat()}: {run.sent} sent, {run.already_sent} already sent, "
            f"{run.failed} failed."
        )
