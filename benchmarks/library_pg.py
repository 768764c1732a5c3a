"""The library benchmark again on PostgreSQL: the issue asks for both databases.

`run()` creates a throwaway database (BENCH_LIBRARY_PG_URL, default
postgres://postgres@127.0.0.1:5432/triplewin_bench_library), runs `python -m
benchmarks.library` against it in a child process (Django is already set up on SQLite in
this one), returns its report lines and drops the database.
"""

from __future__ import annotations

import os

from benchmarks.postgres import run_module

PG_URL = os.environ.get(
    "BENCH_LIBRARY_PG_URL", "postgres://postgres@127.0.0.1:5432/triplewin_bench_library"
)


def run() -> list[str]:
    return run_module("benchmarks.library", PG_URL)


if __name__ == "__main__":
    from benchmarks.production import print_report

    print_report(run())
