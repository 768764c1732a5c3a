"""The library benchmark again on PostgreSQL: the issue asks for both databases.

`run()` creates a throwaway database (BENCH_LIBRARY_PG_URL, default
postgres://postgres@127.0.0.1:5432/triplewin_bench_library), runs `python -m
benchmarks.library` against it in a child process (Django is already set up on SQLite in
this one), returns its report lines and drops the database.
"""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get(
    "BENCH_LIBRARY_PG_URL", "postgres://postgres@127.0.0.1:5432/triplewin_bench_library"
)


def _admin_execute(sql: str) -> None:
    import psycopg

    admin = urllib.parse.urlsplit(PG_URL)._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql)


def run() -> list[str]:
    name = urllib.parse.urlsplit(PG_URL).path.lstrip("/")
    if not name.replace("_", "").isalnum():
        raise SystemExit(f"Refusing an unusual benchmark database name: {name!r}")
    _admin_execute(f'DROP DATABASE IF EXISTS "{name}"')
    _admin_execute(f'CREATE DATABASE "{name}"')
    try:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.library"],
            cwd=ROOT,
            env={**os.environ, "BENCH_DATABASE_URL": PG_URL, "DEBUG": "true"},
            check=False,
            capture_output=True,
            text=True,
        )
    finally:
        _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    if done.returncode != 0:
        return ["!! library benchmark on PostgreSQL failed:", *done.stderr.splitlines()[-15:]]
    return done.stdout.splitlines()


if __name__ == "__main__":
    print("\n".join(run()))
