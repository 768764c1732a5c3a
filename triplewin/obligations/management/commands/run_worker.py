"""The task worker: django-tasks-db's `db_worker`, made to survive database outages.

The upstream worker retries a locked database only while claiming a task; a busy SQLite file
while it begins its transaction, or PostgreSQL restarting, ends the process (ADR 0038 records
the behaviour upstream). This wraps its loop rather than forking it: the same options, the
same worker, and on a transient error it logs, waits and picks up again.
"""

from __future__ import annotations

from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DbWorker
from django_tasks_db.management.commands.db_worker import Worker

from triplewin.obligations.resilience import survive


class SurvivingWorker(Worker):
    def run(self) -> None:
        def once() -> bool:
            super(SurvivingWorker, self).run()
            return False  # the upstream loop ended on its own: batch done, or shut down

        survive(once, what=f"Task worker {self.worker_id}")


class Command(DbWorker):
    help = "Run queued tasks; database outages pause it instead of ending it."

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        **options: Any,
    ) -> None:
        self.configure_logging(verbosity)
        excluded = exclude_queues.split(",") if exclude_queues else []
        worker = SurvivingWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )
        # No autoreload here: `make run` restarts a worker that stops (see the Makefile).
        worker.configure_signals()
        worker.run()
