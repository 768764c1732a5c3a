"""`make bench`: page timings and query counts with 10,000 projects.

Seeds a separate database (var/bench.sqlite3, or BENCH_DATABASE_URL), measures each page
at 100 and at 10,000 projects, and prints p50/p95 and the number of SQL queries. The query
count must not grow with the number of projects; the script exits non-zero if it does.
Seeding uses bulk inserts rather than the services: it creates volume, not behaviour.
"""

from __future__ import annotations

import importlib
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from benchmarks.production import configure, mode_line  # noqa: E402
from benchmarks.serving import MISSED  # noqa: E402

configure()
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}"
)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from benchmarks import seed  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "60"))
# Each module's run() returns report lines; a line saying MISSED/MISSES or starting "!!"
# fails the benchmark. The register benchmark serves PostgreSQL with gunicorn; the audit
# benchmark verifies a chain of 1,000,000 events on SQLite and on PostgreSQL; the scale
# benchmark runs two app servers and two task workers on one PostgreSQL and one Redis.
FEATURE_BENCHMARKS = (
    "documents",
    "kpis",
    "library",
    "library_pg",
    "register",
    "audit",
    "uploads",
    "api",
    "scale",
)


def measure(client: Client, url: str) -> tuple[float, float, int]:
    client.get(url)  # warm caches and connections
    timings = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings.sort()
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    return statistics.median(timings), p95, len(queries)


def main() -> int:
    if os.environ["DATABASE_URL"].startswith("sqlite:///"):
        Path(os.environ["DATABASE_URL"].removeprefix("sqlite:///")).unlink(missing_ok=True)
    call_command("migrate", verbosity=0, interactive=False)
    # Production serves static files from the manifest that collectstatic writes.
    call_command("collectstatic", verbosity=0, interactive=False)
    viewer = seed.base()
    client = Client()
    client.force_login(viewer.user)
    pages: dict[str, Callable[[], str]] = {
        "project list": lambda: "/projects/",
        "project page": lambda: f"/projects/{viewer.sample_project_id}/",
        "project history": lambda: f"/projects/{viewer.sample_project_id}/history/",
        "public register": lambda: "/",
        "register entry": lambda: f"/register/{viewer.sample_published_id}/",
    }
    results: dict[int, dict[str, tuple[float, float, int]]] = {}
    for total in (100, 10_000):
        seed.grow_to(total, viewer)
        results[total] = {name: measure(client, url()) for name, url in pages.items()}

    print(f"\n{mode_line()}")
    print(f"Triple Win benchmark ({connection.vendor}, {REQUESTS} requests per page)\n")
    print(f"{'page':<18}{'projects':>10}{'p50 ms':>10}{'p95 ms':>10}{'queries':>10}")
    failed = False
    for name in pages:
        for total in results:
            p50, p95, count = results[total][name]
            print(f"{name:<18}{total:>10,}{p50:>10.1f}{p95:>10.1f}{count:>10}")
        if results[10_000][name][2] != results[100][name][2]:
            failed = True
            print(f"  !! {name}: query count grew with the number of projects")
    print("\nQuery counts are constant as the data grows." if not failed else "")
    for module in FEATURE_BENCHMARKS:
        try:
            lines = importlib.import_module(f"benchmarks.{module}").run()
        except SystemExit as stop:  # the documents benchmark stops with its failures
            lines = ["!! " + line for line in str(stop.code).splitlines()]
        print("", *lines, sep="\n")
        missed = [line for line in lines if MISSED.search(line)]
        if missed:
            failed = True
            print(f"  !! {module}: a target was missed or a query count grew")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
