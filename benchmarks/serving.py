"""What the benchmarks that serve real HTTP share: a throwaway PostgreSQL database, the
register's 10,000-project seed, gunicorn started in production mode, and timed requests.

`benchmarks/register.py` (one app server) and `benchmarks/scale.py` (two app servers, two task
workers) both use these, so there is one way of seeding and serving, not two.
"""

from __future__ import annotations

import contextlib
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # loopback only, by design
# A report line saying MISSED/MISSES or starting "!!" fails `make bench` (benchmarks/run.py).
MISSED = re.compile(r"\bMISS(ED|ES)\b|^\s*!!")


def admin_execute(pg_url: str, sql: str) -> None:
    """Run one statement on the server's `postgres` database (to create or drop another)."""
    import psycopg

    admin = urllib.parse.urlsplit(pg_url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql)


def db_name(pg_url: str) -> str:
    name = urllib.parse.urlsplit(pg_url).path.lstrip("/")
    if not name.replace("_", "").isalnum():
        raise SystemExit(f"Refusing an unusual benchmark database name: {name!r}")
    return name


@contextlib.contextmanager
def throwaway_database(pg_url: str, *, keep: bool = False) -> Iterator[None]:
    """A new, empty database at `pg_url`, dropped afterwards whatever happens (unless `keep`)."""
    name = db_name(pg_url)
    try:
        admin_execute(pg_url, "SELECT 1")
    except Exception as error:
        raise SystemExit(
            f"PostgreSQL is not reachable at {pg_url} ({error}). Start it, or set BENCH_PG_URL."
        ) from None
    admin_execute(pg_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin_execute(pg_url, f'CREATE DATABASE "{name}"')
    try:
        yield
    finally:
        if not keep:
            admin_execute(pg_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def manage(env: Mapping[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=dict(env),
        check=False,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def seed_register(env: Mapping[str, str], pg_url: str) -> dict[str, str]:
    """Migrate, then seed 10,000 projects and 50,000 transfers (`benchmarks.register seed`) in
    a child process on `pg_url`; returns the ids the seed printed (a company, an ICB, counts)."""
    manage(env, "migrate", "--noinput")
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.register", "seed"],
        cwd=ROOT,
        env=dict(env),
        check=True,
        capture_output=True,
        text=True,
    )
    import psycopg

    # A live database is vacuumed and analysed routinely; a freshly bulk-loaded one is not.
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    return dict(pair.split("=", 1) for pair in done.stdout.strip().split())


def gunicorn(
    env: Mapping[str, str],
    *,
    port: int,
    workers: int,
    app: str = "triplewin.config.wsgi:application",
    log: Path | None = None,
) -> subprocess.Popen[bytes]:
    """One app server with gunicorn.conf.py (read from ROOT), with no access log; its other
    output goes to `log` when given."""
    argv = [
        sys.executable,
        "-m",
        "gunicorn",
        app,
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        # gunicorn.conf.py logs every request; thousands of lines would bury the report.
        "--access-logfile",
        "/dev/null",
    ]
    if log is None:
        return subprocess.Popen(argv, cwd=ROOT, env=dict(env))
    with log.open("wb") as sink:
        return subprocess.Popen(
            argv, cwd=ROOT, env=dict(env), stdout=sink, stderr=subprocess.STDOUT
        )


def wait_until_up(base: str, proc: subprocess.Popen[bytes], path: str = "/about/") -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("gunicorn exited before it was ready")
        try:
            with urllib.request.urlopen(f"{base}{path}", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer within 60 s")


def stop(proc: subprocess.Popen[bytes] | None, timeout: float = 30) -> None:
    """SIGTERM, then SIGKILL if it has not stopped within `timeout` seconds."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def get(url: str, timeout: float = 30) -> tuple[int, float]:
    """Status and milliseconds of one GET; an error status is returned, not raised."""
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback
            response.read()
            status: int = response.status
    except urllib.error.HTTPError as error:
        error.read()
        status = error.code
    return status, (time.perf_counter() - start) * 1000


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]
