"""The scheduler: enqueues the daily jobs once a day for `db_worker` to execute.

The jobs are the reminder run and the check of the whole audit chain.

Run it next to `manage.py db_worker`. Several schedulers may run at once (or restart
during the day): each job's ScheduledRun row for the day lets only one of them enqueue it.

Between checks it sleeps in short slices and beats after each (`monitoring.heartbeat`), so the
queue page shows it alive whatever `--interval` says.
"""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from triplewin.monitoring.heartbeat import BEAT_EVERY, Heart
from triplewin.monitoring.models import ProcessKind
from triplewin.obligations.resilience import survive
from triplewin.obligations.services import JOB_NAMES, scheduler_tick


class Command(BaseCommand):
    help = "Enqueue the daily jobs once a day (run alongside `manage.py db_worker`)."

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

        heart = Heart(kind=ProcessKind.SCHEDULER)
        next_check = [0.0]  # the monotonic time of the next check; 0: at once

        def tick() -> bool:
            heart.beat_if_due()
            if time.monotonic() >= next_check[0]:
                today = timezone.localdate()
                runs = scheduler_tick(today=today)
                next_check[0] = time.monotonic() + interval
                for run in runs:
                    self.stdout.write(f"Enqueued {JOB_NAMES[run.job]} for {today.isoformat()}.")
                if not runs and once:
                    self.stdout.write(f"The jobs for {today.isoformat()} were already enqueued.")
            if once:
                return False
            time.sleep(max(0.0, min(BEAT_EVERY, next_check[0] - time.monotonic())))
            return True

        # A database outage pauses the scheduler; it never ends it (issue 19).
        survive(tick, what="Scheduler")
