"""Running a benchmark module again on a throwaway PostgreSQL database, in a child process.

Django is already set up on SQLite in benchmarks/run.py's process, so a benchmark that must
also measure PostgreSQL runs `python -m benchmarks.<module>` with BENCH_DATABASE_URL pointing
at a database created for it and dropped afterwards.
"""

from __future__ import annotations

import subprocess
import sys
import urllib.parse
from pathlib import Path

from benchmarks.production import child_env

ROOT = Path(__file__).resolve().parent.parent


def _admin_execute(url: str, sql: str) -> None:
    import psycopg

    admin = urllib.parse.urlsplit(url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql)


def run_module(module: str, url: str, *, variable: str = "BENCH_DATABASE_URL") -> list[str]:
    """The module's report lines, or a line starting "!!" (a failure) and its error output.

    The child finds the database's URL in the environment variable `variable`.
    """
    name = urllib.parse.urlsplit(url).path.lstrip("/")
    if not name.replace("_", "").isalnum():
        raise SystemExit(f"Refusing an unusual benchmark database name: {name!r}")
    _admin_execute(url, f'DROP DATABASE IF EXISTS "{name}"')
    _admin_execute(url, f'CREATE DATABASE "{name}"')
    try:
        done = subprocess.run(
            [sys.executable, "-m", module],
            cwd=ROOT,
            env=child_env(**{variable: url}),
            check=False,
            capture_output=True,
            text=True,
        )
    finally:
        _admin_execute(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    if done.returncode != 0:
        return [f"!! {module} on PostgreSQL failed:", *done.stderr.splitlines()[-15:]]
    return done.stdout.splitlines()
