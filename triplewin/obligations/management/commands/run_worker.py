"""The task worker: django-tasks-db's `db_worker`, made to survive database outages.

The upstream worker retries a locked database only while claiming a task; a busy SQLite file
while it begins its transaction, or PostgreSQL restarting, ends the process (ADR 0038 records
the behaviour upstream). This wraps its loop rather than forking it: the same options, the
same worker, and on a transient error it logs, waits and picks up again.
"""

from __future__ import annotations

import logging
from types import FrameType
from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DbWorker
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from triplewin.monitoring.heartbeat import Heart
from triplewin.monitoring.models import ProcessKind
from triplewin.monitoring.orphans import recover_orphans
from triplewin.obligations.resilience import TRANSIENT, drop_connections, survive

logger = logging.getLogger("triplewin.background")


class SurvivingWorker(Worker):
    def __init__(self, **options: Any) -> None:
        self.heart = Heart(kind=ProcessKind.WORKER, worker_id=options["worker_id"])
        self._stopping = False
        super().__init__(**options)

    # The upstream loop reads `running` at the top of every pass, after a task or after
    # sleeping when there was none: the one hook that beats from inside its loop without
    # copying it. A task that runs for ten minutes stops the beats, which is the point: that
    # worker is not taking tasks.
    @property
    def running(self) -> bool:
        if self._running and not self._stopping and self.heart.beat_if_due():
            self._recover_orphans()
        return self._running

    @running.setter
    def running(self, value: bool) -> None:
        self._running = value

    def _recover_orphans(self) -> None:
        # After each beat: tasks left running by a worker that died go back in the queue.
        try:
            recover_orphans(hostname=self.heart.hostname, worker_id=self.worker_id)
        except TRANSIENT as error:
            logger.warning("Could not look for orphaned tasks (%s); will look again.", error)
            drop_connections()

    def shutdown(self, signum: int, frame: FrameType | None) -> None:
        # The signal handler reads `running` too; it may interrupt a query, so it must not beat.
        self._stopping = True
        super().shutdown(signum, frame)

    def run_task(self, db_task_result: DBTaskResult[Any, Any]) -> None:
        try:
            super().run_task(db_task_result)
        finally:
            self.heart.task_done()

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
