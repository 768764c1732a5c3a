"""The public register under load: gunicorn on PostgreSQL, 16 concurrent clients.

`run()` creates a throwaway PostgreSQL database (BENCH_PG_URL, default
postgres://postgres@127.0.0.1:5432/triplewin_bench), migrates it and seeds 10,000 projects
and 50,000 transfers of value in a child process, serves it with gunicorn on a free
loopback port, fires 16 client threads at the register's search and filter pages and
downloads the full CSV export. It reports p50/p95 per page and overall against the targets
(p95 under 150 ms, CSV under 5 s), then stops gunicorn and drops the database.

Everything Django runs in child processes with their own DATABASE_URL, so this module can be
imported by benchmarks/run.py whatever database that process has already set up.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import threading
import time
import urllib.request

from benchmarks.production import child_env, mode_line
from benchmarks.serving import HOST, get, gunicorn, p95, seed_register, stop, throwaway_database
from benchmarks.serving import free_port as _free_port
from benchmarks.serving import wait_until_up as _wait_until_up

PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/triplewin_bench")
CLIENTS = 16
REQUESTS_PER_CLIENT = int(os.environ.get("BENCH_REGISTER_REQUESTS", "40"))
TIME_LIMIT = 180.0
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
P95_TARGET_MS = 150.0
CSV_TARGET_S = 5.0
PROJECTS = 10_000
TRANSFERS = 50_000


def _env() -> dict[str, str]:
    # Production mode: static files come from `collectstatic`'s manifest, which run() builds.
    # Sixteen clients on one address would meet the API's per-address limit at once.
    return child_env(
        DATABASE_URL=PG_URL,
        ALLOWED_HOSTS=HOST,
        SITE_URL="http://127.0.0.1",
        API_PUBLIC_RATE="1000000/m",
        # Thousands of per-request lines would bury the report; warnings still show.
        LOG_LEVEL="WARNING",
    )


def register_pages(ids: dict[str, str]) -> dict[str, str]:
    return {
        "search (title)": "/?q=asthma",
        "search (partner)": "/?q=Bench+Trust+17",
        "search + page 3": "/?q=patients&page=3",
        "filter company": f"/?company={ids['company']}",
        "filter ICB + type": f"/?icb={ids['icb']}&type=jw",
        "filter area + status": "/?therapy_area=Oncology&status=in_delivery",
        "filter year": "/?year=2023",
        "filter region + setting": "/?region=North+West&setting=primary",
        "all filters": (
            f"/?q=care&company={ids['company']}&icb={ids['icb']}&setting=secondary"
            "&therapy_area=Diabetes&type=cw&status=completed&year=2022"
        ),
        "register home": "/",
        "API: register, first page": "/api/v1/register?limit=25",
        "API: register, company filter": f"/api/v1/register?company={ids['company']}",
        "API: register, search": "/api/v1/register?q=asthma&limit=50",
    }


def _load(base: str, pages: dict[str, str], *, cold: bool = False) -> dict[str, list[float]]:
    """Each client requests the pages in turn. `cold` adds a unique, ignored parameter to
    every request, so none can be answered from the register's one-minute cache."""
    names = list(pages)
    timings: dict[str, list[float]] = {name: [] for name in names}
    failures: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + TIME_LIMIT
    barrier = threading.Barrier(CLIENTS)

    def client(number: int) -> None:
        barrier.wait()
        for i in range(REQUESTS_PER_CLIENT):
            if time.monotonic() > deadline:
                return
            name = names[(number + i) % len(names)]
            path = pages[name]
            if cold:
                path += ("&" if "?" in path else "?") + f"nocache={number}-{i}-{time.time_ns()}"
            try:
                status, ms = get(base + path)
            except OSError as error:
                with lock:
                    failures.append(f"{name}: {error}")
                continue
            with lock:
                if status == 200:
                    timings[name].append(ms)
                else:
                    failures.append(f"{name}: HTTP {status}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit("Requests failed: " + "; ".join(failures[:5]))
    return timings


def _download(url: str) -> tuple[float, float, int]:
    start = time.perf_counter()
    first = 0.0
    size = 0
    lines = 0
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - loopback only
        while chunk := response.read(64 * 1024):
            if not first:
                first = time.perf_counter() - start
            size += len(chunk)
            lines += chunk.count(b"\n")
    return first, time.perf_counter() - start, lines


def run() -> list[str]:
    with throwaway_database(PG_URL, keep=bool(os.environ.get("BENCH_KEEP_DB"))):
        ids = seed_register(_env(), PG_URL)
        port = _free_port()
        base = f"http://{HOST}:{port}"
        proc = gunicorn(_env(), port=port, workers=WORKERS)
        try:
            _wait_until_up(base, proc)
            pages = register_pages(ids)
            # A site that has been up for a minute: each worker has seen each page once or more.
            for path in pages.values():
                for _ in range(3 * WORKERS):
                    get(base + path)
            load_before = os.getloadavg()[0]
            single = [get(base + pages["filter company"])[1] for _ in range(100)]
            timings = _load(base, pages)
            cold = _load(base, pages, cold=True)
            first_byte, csv_seconds, csv_lines = _download(
                f"{base}/register/open-data/register.csv"
            )
            _, json_seconds, _ = _download(f"{base}/register/open-data/register.json")
        finally:
            stop(proc)

    every = [ms for values in timings.values() for ms in values]
    overall = p95(every)
    every_cold = [ms for values in cold.values() for ms in values]
    lines = [
        "",
        mode_line(),
        f"Public register under load (PostgreSQL, gunicorn {WORKERS} workers, "
        f"{CLIENTS} concurrent clients, {len(every)} requests, {os.cpu_count()} CPUs)",
        f"Seeded: {ids['projects']} projects ({ids['published']} published), "
        f"{ids['transfers']} transfers of value",
        f"Machine load average before the run: {load_before:.1f} (other work shares these CPUs)",
        f"One client alone, cached filter page: p50 {statistics.median(single):.1f} ms, "
        f"p95 {p95(single):.1f} ms",
        f"{'page':<26}{'requests':>10}{'p50 ms':>10}{'p95 ms':>10}",
    ]
    for page_name, values in timings.items():
        lines.append(
            f"{page_name:<26}{len(values):>10}{statistics.median(values):>10.1f}"
            f"{p95(values):>10.1f}"
        )
    verdict = "meets" if overall < P95_TARGET_MS else "MISSES"
    lines.append(f"Overall p95 {overall:.1f} ms: {verdict} the {P95_TARGET_MS:.0f} ms target.")
    lines.append("")
    lines.append("The same load with every request missing the one-minute cache (worst case):")
    for page_name, values in cold.items():
        lines.append(
            f"{page_name:<26}{len(values):>10}{statistics.median(values):>10.1f}"
            f"{p95(values):>10.1f}"
        )
    lines.append(
        f"Cold p50 {statistics.median(every_cold):.1f} ms, p95 {p95(every_cold):.1f} ms "
        "(for information: the cache is part of the design)."
    )
    lines.append("")
    verdict = "meets" if csv_seconds < CSV_TARGET_S else "MISSES"
    lines.append(
        f"Full CSV export: {csv_lines - 1:,} rows in {csv_seconds:.2f} s "
        f"(first byte after {first_byte * 1000:.0f} ms): {verdict} the {CSV_TARGET_S:.0f} s target."
    )
    lines.append(f"Full JSON export: {json_seconds:.2f} s.")
    return lines


def seed() -> None:
    """Runs in the child process, on the benchmark database. Bulk inserts: volume, not behaviour."""
    import django

    django.setup()
    from benchmarks import register_seed

    print(register_seed.seed(PROJECTS, TRANSFERS, random.Random(20261125)))


if __name__ == "__main__":
    if sys.argv[1:] == ["seed"]:
        seed()
    else:
        print("\n".join(run()))
