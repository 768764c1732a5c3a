"""PostgreSQL restarts while the app serves requests and the worker runs (issue 19).

A PostgreSQL of the test's own is stopped and started again under a real gunicorn and a real
task worker. During the outage a page answers a plain 503 "try again", never a traceback;
afterwards both carry on without being restarted, and nothing queued before is lost.

It starts its own server, so it runs once, in the SQLite pass: the suite's database does not
change what it tests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import connection

from tests.faults.processes import (
    MANAGE,
    app_env,
    get,
    gunicorn,
    manage,
    private_postgres,
    started,
    wait_for,
)

pytestmark = [pytest.mark.fault, pytest.mark.slow_fault]

# What a worker logs when the database does not answer: its loop, or its heartbeat.
OUTAGE_SEEN = ("the database is unavailable", "could not record its heartbeat")

SUCCESSFUL = "from django_tasks_db.models import DBTaskResult as R; print('TASKS', R.objects.filter(status='SUCCESSFUL').count(), R.objects.count())"


def _all_done(env: dict[str, str]) -> bool:
    done, total = _tasks(env)
    return total > 0 and done == total


def _tasks(env: dict[str, str]) -> tuple[int, int]:
    out = manage("shell", "-c", SUCCESSFUL, env=env)
    line = next(x for x in out.splitlines() if x.startswith("TASKS "))
    _, done, total = line.split()
    return int(done), int(total)


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="runs once, in the SQLite pass, on its own PostgreSQL"
)
def test_postgresql_restarts_under_the_app_and_the_worker(
    logs: Path, record_fault: Callable[..., None]
) -> None:
    with private_postgres() as cluster:
        env = app_env(
            DATABASE_URL=cluster.url,
            DEBUG="false",
            SECRET_KEY="fault-test-" + "k" * 50,
            ALLOWED_HOSTS="127.0.0.1",
            WEB_CONCURRENCY="2",
            CONN_MAX_AGE="60",
            LOG_FORMAT="json",
        )
        manage("migrate", "--noinput", env=env, timeout=600)
        manage("collectstatic", "--noinput", env=env, timeout=300)
        with (
            gunicorn(env=env, log_dir=logs, name="gunicorn") as (site, server),
            started(
                [*MANAGE, "run_worker", "--no-reload", "--interval", "0.5"],
                env=env,
                log_dir=logs,
                name="worker",
            ) as worker,
        ):
            assert get(f"{site}/")[0] == 200

            cluster.stop()
            during = [get(f"{site}/") for _ in range(4)]
            ready = get(f"{site}/health/ready")
            live = get(f"{site}/health/live")
            # Down until the worker has met the outage, however its polling falls.
            wait_for(
                lambda: any(line in worker.output() for line in OUTAGE_SEEN),
                timeout=60,
                what="the worker to meet the outage",
            )

            cluster.start()
            wait_for(lambda: get(f"{site}/")[0] == 200, timeout=60, what="the app to recover")
            # Work queued after the outage is done by the same worker, never restarted.
            manage("run_scheduler", "--once", env=env)
            wait_for(
                lambda: _all_done(env),
                timeout=120,
                every=1,
                what="the worker to run the day's tasks",
            )
            done, total = _tasks(env)
            assert server.alive(), server.output()[-3000:]
            assert worker.alive(), worker.output()[-3000:]

        statuses = sorted({status for status, _ in during})
        record_fault(
            fault="PostgreSQL restarted",
            done="Stopped the database under gunicorn (2 workers) and a task worker, asked for "
            "pages, started it again.",
            user_saw=f"HTTP {', '.join(map(str, statuses))}: 'Sorry, the service is "
            "unavailable … try again in a minute'; then the page as before, with no restart.",
            lost="nothing" if done == total else f"{total - done} of {total} tasks not run",
            doubled="nothing",
            database="PostgreSQL (its own)",
        )
        assert statuses == [503]
        for _, page in during:
            assert "Sorry, the service is unavailable" in page
            assert "Traceback" not in page
            assert str(cluster.port) not in page
        assert ready[0] == 503
        assert '"database": "failing"' in ready[1]
        assert live[0] == 200
        # The worker said what happened and waited; it did not exit (checked above).
        assert any(line in worker.output() for line in OUTAGE_SEEN)
