"""The heartbeat each worker and scheduler process writes while it lives (ADR 0038).

A process that stops, hangs in one task or cannot reach the database stops beating, and the
queue page and the readiness check notice (`queue.no_worker_alive`). Beats are machine state,
not decisions, so they are not audited: a worker beating twice a minute would otherwise bury
the audit chain's real events.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import time
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from triplewin.monitoring.models import Heartbeat, ProcessKind
from triplewin.obligations.resilience import TRANSIENT, drop_connections

logger = logging.getLogger("triplewin.background")

# Twice a minute, so one slow pass (a task of up to half a minute) still leaves a beat inside
# every minute.
BEAT_EVERY = 30.0
# After a failed beat, try again soon but not on every pass of a one-second loop.
RETRY_AFTER = 5.0
# Rows of processes that have not beaten for a day are gone for good; the beating ones delete
# them.
KEEP = dt.timedelta(days=1)


class Heart:
    def __init__(
        self,
        *,
        kind: ProcessKind,
        worker_id: str = "",
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], dt.datetime] = timezone.now,
    ) -> None:
        self.kind = kind
        self.worker_id = worker_id[:64]
        self.hostname = socket.gethostname()[:255]
        self.pid = os.getpid()
        self.tasks_done = 0
        self._clock = clock
        self._now = now
        self.started_at = now()
        self._row_id: int | None = None
        self._due = 0.0  # the clock reading when the next beat is due; 0: at once

    def task_done(self) -> None:
        self.tasks_done += 1

    def beat_if_due(self) -> bool:
        """Beat if a beat is due; whether it beat (and the database answered)."""
        return self._clock() >= self._due and self.beat()

    def beat(self) -> bool:
        """Record the beat now. A database that cannot answer is logged and tried again a few
        seconds later, as any transient error is (`resilience.survive`): a missed beat must
        never stop the process from doing its work."""
        try:
            self._write()
        except TRANSIENT as error:
            logger.warning(
                "%s %s: could not record its heartbeat (%s). Trying again in %.0f s.",
                self.kind.label,
                self.pid,
                str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__,
                RETRY_AFTER,
            )
            drop_connections()
            self._due = self._clock() + RETRY_AFTER
            return False
        self._due = self._clock() + BEAT_EVERY
        return True

    def _write(self) -> None:
        now = self._now()
        with transaction.atomic():
            updated = 0
            if self._row_id is not None:
                updated = Heartbeat.objects.filter(pk=self._row_id).update(
                    last_beat=now, tasks_done=self.tasks_done
                )
            if not updated:
                # The first beat, or the row was deleted (a database restored from a backup).
                row = Heartbeat.objects.create(
                    kind=self.kind,
                    hostname=self.hostname,
                    pid=self.pid,
                    worker_id=self.worker_id,
                    started_at=self.started_at,
                    last_beat=now,
                    tasks_done=self.tasks_done,
                )
                self._row_id = row.pk
            Heartbeat.objects.filter(last_beat__lt=now - KEEP).delete()
