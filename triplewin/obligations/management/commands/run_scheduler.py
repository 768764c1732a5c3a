"""The scheduler: enqueues the daily reminder run once a day for `db_worker` to execute.

Run it next to `manage.py db_worker`. Several schedulers may run at once (or restart
during the day): the ScheduledRun row for the day lets only one of them enqueue.
"""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from triplewin.obligations.services import scheduler_tick


class Command(BaseCommand):
    help = "Enqueue the daily reminder task once a day (run alongside `manage.py db_worker`)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Check once and exit (for cron or tests)."
        )
        parser.add_argument(
            "--interval",
            type=int,
            default=300,
            help="Seconds between checks when running continuously (default 300).",
        )

    def handle(self, *args: Any, once: bool, interval: int, **options: Any) -> None:
        if interval < 1:
            raise CommandError("--interval must be at least one second.")
        while True:
            today = timezone.localdate()
            run = scheduler_tick(today=today)
            if run is not None:
                self.stdout.write(f"Enqueued the reminder run for {today.isoformat()}.")
            elif once:
                self.stdout.write(f"The reminder run for {today.isoformat()} was already enqueued.")
            if once:
                return
            time.sleep(interval)
