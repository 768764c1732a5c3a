"""Background processes that outlive a busy, restarting or unreachable database (issue 19).

A worker or scheduler that exits on a database error stops every email and reminder while the
web server goes on serving, so nobody notices. Both treat such errors as transient: they log
them, wait a little longer each time (up to a minute) and carry on. Any other error still
stops them, loudly, and `make run` restarts them (ADR 0038).
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import InterfaceError, OperationalError, close_old_connections, connections

logger = logging.getLogger("triplewin.background")

# Errors that mean "the database cannot answer now": locked (SQLite), restarting or
# unreachable (PostgreSQL), or a connection the server closed.
TRANSIENT: tuple[type[Exception], ...] = (OperationalError, InterfaceError)


@dataclass
class Backoff:
    first: float = 1.0
    longest: float = 60.0
    _next: float = field(default=0.0, init=False)

    def wait(self) -> float:
        """The next pause: 1, 2, 4 … seconds, at most `longest`."""
        self._next = min(self.longest, self._next * 2 if self._next else self.first)
        return self._next

    def reset(self) -> None:
        self._next = 0.0


def drop_connections() -> None:
    """Close every connection, so the next query opens a fresh one (a restarted server)."""
    for connection in connections.all(initialized_only=True):
        with contextlib.suppress(*TRANSIENT):
            connection.close()
    close_old_connections()


def survive(
    step: Callable[[], bool],
    *,
    what: str,
    backoff: Backoff | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Run `step` until it returns False; a transient database error pauses and retries it."""
    backoff = backoff or Backoff()
    while True:
        try:
            if not step():
                return
        except TRANSIENT as error:
            pause = backoff.wait()
            logger.warning(
                "%s: the database is unavailable (%s). Trying again in %.0f s.",
                what,
                str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__,
                pause,
            )
            drop_connections()
            sleep(pause)
        else:
            backoff.reset()
