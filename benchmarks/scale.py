"""Scale, shown (issue 18): two app servers and two task workers on one database and one cache.

`python -m benchmarks.scale` (also part of `make bench`) builds the deployment ADR 0037
describes, on this machine, in production mode:

- one throwaway PostgreSQL database with the register benchmark's seed (10,000 projects,
  50,000 transfers of value; `benchmarks/serving.py`);
- Redis database 11 as the shared cache (BENCH_REDIS_URL), emptied before and after;
- Azurite (npm `azurite`) as the private file store, as the stored-file tests start it;
- two gunicorn app servers on separate ports, each with gunicorn.conf.py and
  BENCH_SCALE_WORKERS workers (2 each by default: four in all, as the register benchmark);
- two `manage.py run_worker` task workers.

Then, with everything running:

1. Sixteen clients, half on each server, request one kind of page at a time: the framework
   floor (a view that returns "ok", `benchmarks/floor_wsgi.py`), the register home page
   (cached), register searches and filters that each miss the cache, and public project pages.
   Per page: requests, errors, p50/p95 and throughput; the cached home page's throughput as a
   share of the floor's.
2. Exactly once: users are made the leads of some seeded projects, so that a day's reminders are
   due; four copies of that day's reminder run are queued at once, so both workers run them
   side by side. Every email is a file (tests/faults/mail.py); each reminder must be sent once.
3. One rate limit, two servers: 20 checks on the public verification page through server A
   use up that address's minute; the next check, through server B, must be refused.

Targets (a miss fails `make bench`): register pages p95 under 150 ms, cached and cache-missing;
cached home at least 25% of the floor's throughput; project page p95 under 100 ms; no errors.

`python -m benchmarks.scale --soak MINUTES` runs the same deployment under a modest load (four
clients) for that long instead, and compares each gunicorn worker's resident memory at the
start and the end: no errors, and under 10% growth. Not part of `make bench`.

Every process started here is stopped, and the database dropped, however the run ends.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import datetime as dt
import http.cookiejar
import importlib
import itertools
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from benchmarks.production import child_env, mode_line
from benchmarks.serving import (
    HOST,
    MISSED,
    ROOT,
    free_port,
    get,
    gunicorn,
    manage,
    p95,
    seed_register,
    stop,
    throwaway_database,
    wait_until_up,
)

PG_URL = os.environ.get("BENCH_SCALE_PG_URL", "postgres://postgres@127.0.0.1:5432/triplewin_scale")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/11")
AZURITE = ROOT / "node_modules" / ".bin" / "azurite-blob"
AZURITE_ACCOUNT = "triplewinbench"
CONTAINER = "triplewin-private-bench"
SERVERS = 2
TASK_WORKERS = 2
WORKERS_PER_SERVER = int(os.environ.get("BENCH_SCALE_WORKERS", "2"))
CLIENTS = 16
REQUESTS_PER_CLIENT = int(os.environ.get("BENCH_SCALE_REQUESTS", "20"))
ALONE_REQUESTS = 20
SOAK_CLIENTS = 4
REGISTER_P95_MS = 150.0
PROJECT_P95_MS = 100.0
FLOOR_SHARE = 0.25
SOAK_GROWTH = 0.10
# The reminder run is queued this many times at once: both workers take one and race.
REMINDER_COPIES = 4
LEAD_PROJECTS = 40
VERIFY_LIMIT = 20  # ACCOUNT_RATE_LIMITS["verify_document"]: 20 a minute per address


# The deployment -------------------------------------------------------------------------------


@dataclass
class Deployment:
    folder: Path
    mail: Path
    env: dict[str, str]
    ids: dict[str, str]
    bases: list[str] = field(default_factory=list)
    servers: list[subprocess.Popen[bytes]] = field(default_factory=list)
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def log_tail(self, name: str, lines: int = 6) -> str:
        path = self.folder / f"{name}.log"
        if not path.exists():
            return ""
        # A traceback logged as JSON is one very long line: the start says enough.
        return "\n".join(
            line[:400] for line in path.read_text(errors="replace").splitlines()[-lines:]
        )


def _redis_db() -> Any:
    import redis

    parts = urllib.parse.urlsplit(REDIS_URL)
    if parts.path.strip("/") in ("", "0"):
        raise SystemExit(f"Refusing to empty Redis database 0 ({REDIS_URL}); name another one.")
    return redis.Redis.from_url(REDIS_URL)


def _started(argv: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as sink:
        return subprocess.Popen(argv, cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT)


@contextlib.contextmanager
def _azurite(folder: Path) -> Iterator[str]:
    """Azurite on a free port with a key made for this run; yields its connection string."""
    from azure.storage.blob import BlobServiceClient

    if not AZURITE.exists():
        raise SystemExit("node_modules/.bin/azurite-blob is missing: run `npm ci` (make does).")
    key = base64.b64encode(secrets.token_bytes(64)).decode()
    port = free_port()
    data = folder / "azurite"
    data.mkdir()
    process = _started(
        [
            str(AZURITE),
            "--blobHost",
            HOST,
            "--blobPort",
            str(port),
            "--location",
            str(data),
            "--skipApiVersionCheck",
            "--disableProductStyleUrl",
        ],
        {**os.environ, "AZURITE_ACCOUNTS": f"{AZURITE_ACCOUNT}:{key}"},
        folder / "azurite.log",
    )
    connection = (
        f"DefaultEndpointsProtocol=http;AccountName={AZURITE_ACCOUNT};AccountKey={key};"
        f"BlobEndpoint=http://{HOST}:{port}/{AZURITE_ACCOUNT};"
    )
    try:
        service = BlobServiceClient.from_connection_string(connection)
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise SystemExit("Azurite stopped on start-up (see its log).")
            try:
                service.create_container(CONTAINER)
                break
            except Exception:  # not answering yet, whatever the reason
                if time.monotonic() > deadline:
                    raise SystemExit("Azurite did not answer within 30 s.") from None
                time.sleep(0.2)
        yield connection
    finally:
        stop(process, timeout=10)


def _env(folder: Path, azure: str, *, soak: bool) -> dict[str, str]:
    env = child_env(
        DATABASE_URL=PG_URL,
        REDIS_URL=REDIS_URL,
        ALLOWED_HOSTS=HOST,
        SITE_URL=f"http://{HOST}",
        AZURE_STORAGE_CONNECTION_STRING=azure,
        AZURE_STORAGE_CONTAINER=CONTAINER,
        # Sixteen clients on one address would meet the public API's limit at once.
        API_PUBLIC_RATE="1000000/m",
        # Per-request log lines would dominate two CPUs and bury the report; warnings still go
        # to each process's log file.
        LOG_LEVEL="WARNING",
        GUNICORN_LOG_LEVEL="warning",
        # Plain HTTP on loopback: the CSRF cookie must come back without TLS.
        SECURE_COOKIES="false",
        # Each email a file (tests/faults/mail.py), so the run counts what really left.
        EMAIL_BACKEND="tests.faults.mail.FileEachBackend",
        FAULT_MAIL_DIR=str(folder / "mail"),
        PYTHONUNBUFFERED="1",
    )
    if soak:
        # gunicorn restarts a worker after ~2,000 requests, which would hide slow growth.
        env["GUNICORN_MAX_REQUESTS"] = "0"
    return env


@contextlib.contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """SIGTERM (a CI timeout, a `kill`) unwinds like Ctrl-C, so the clean-up still runs."""

    def handler(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(f"Stopped by signal {signum}")

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def deployment(*, soak: bool = False) -> Iterator[Deployment]:
    cache = _redis_db()
    with contextlib.ExitStack() as stack:
        stack.enter_context(_stop_on_sigterm())
        folder = Path(tempfile.mkdtemp(prefix="triplewin-scale-"))
        stack.callback(shutil.rmtree, folder, ignore_errors=True)
        cache.flushdb()
        stack.callback(cache.flushdb)
        azure = stack.enter_context(_azurite(folder))
        env = _env(folder, azure, soak=soak)
        stack.enter_context(throwaway_database(PG_URL, keep=bool(os.environ.get("BENCH_KEEP_DB"))))
        ids = seed_register(env, PG_URL)
        # Production serves static files from the manifest that collectstatic writes.
        manage(env, "collectstatic", "--noinput")
        here = Deployment(folder=folder, mail=folder / "mail", env=env, ids=ids)
        try:
            for number in range(1, SERVERS + 1):
                port = free_port()
                server = gunicorn(
                    env,
                    port=port,
                    workers=WORKERS_PER_SERVER,
                    app="benchmarks.floor_wsgi:application",
                    log=folder / f"server-{number}.log",
                )
                stack.callback(stop, server)
                here.servers.append(server)
                here.bases.append(f"http://{HOST}:{port}")
            for number in range(1, TASK_WORKERS + 1):
                worker = _started(
                    [
                        sys.executable,
                        "manage.py",
                        "run_worker",
                        "--no-reload",
                        "--no-startup-delay",
                        "--interval",
                        "0.2",
                        "--worker-id",
                        f"scale-worker-{number}",
                    ],
                    env,
                    folder / f"worker-{number}.log",
                )
                stack.callback(stop, worker)
                here.workers.append(worker)
            for base, server in zip(here.bases, here.servers, strict=True):
                wait_until_up(base, server, "/_floor/")
            yield here
        except BaseException:
            for name in ("server-1", "server-2", "worker-1", "worker-2"):
                if tail := here.log_tail(name):
                    print(f"--- last lines of {name}.log ---\n{tail}", file=sys.stderr)
            raise


# Load -----------------------------------------------------------------------------------------


@dataclass
class Load:
    timings: list[float]
    errors: list[str]
    seconds: float

    @property
    def throughput(self) -> float:
        return len(self.timings) / self.seconds if self.seconds else 0.0


def _hammer(
    bases: list[str],
    path: Callable[[int, int], str],
    *,
    clients: int = CLIENTS,
    requests: int | None = REQUESTS_PER_CLIENT,
    until: float | None = None,
) -> Load:
    """`clients` threads, client n on server n mod 2, each making `requests` requests (or until
    the monotonic time `until`); path(n, i) names client n's i-th request."""
    if requests is None and until is None:
        raise ValueError("Give a number of requests or a time to stop.")
    timings: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(clients + 1)

    def client(number: int) -> None:
        base = bases[number % len(bases)]
        barrier.wait()
        for i in itertools.count():
            if (requests is not None and i >= requests) or (
                until is not None and time.monotonic() >= until
            ):
                return
            url = base + path(number, i)
            try:
                status, ms = get(url)
            except OSError as error:
                with lock:
                    errors.append(f"{url}: {error}")
                continue
            with lock:
                if status == 200:
                    timings.append(ms)
                else:
                    errors.append(f"{url}: HTTP {status}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    return Load(timings, errors, time.perf_counter() - start)


def _searches(ids: dict[str, str]) -> list[str]:
    from benchmarks.register import register_pages

    return [
        path
        for name, path in register_pages(ids).items()
        if not name.startswith("API") and path != "/"
    ]


def _missing(searches: list[str]) -> Callable[[int, int], str]:
    """Each request a different search, with a unique ignored parameter: never from the cache."""

    def path(number: int, i: int) -> str:
        chosen = searches[(number + i) % len(searches)]
        return chosen + ("&" if "?" in chosen else "?") + f"miss={number}-{i}-{time.time_ns()}"

    return path


def _project_ids(bases: list[str]) -> list[int]:
    """Published projects whose public page answers (the register shows them)."""
    import psycopg

    with psycopg.connect(PG_URL) as conn:
        rows = conn.execute(
            "SELECT project_id FROM executive_summary_executivesummary "
            "WHERE status = 'published' ORDER BY project_id LIMIT 120"
        ).fetchall()
    found = [pk for (pk,) in rows if get(f"{bases[0]}/register/{pk}/")[0] == 200]
    if len(found) < 20:
        raise SystemExit(f"Only {len(found)} seeded projects have a public page.")
    return found


def _warm(bases: list[str], paths: list[str]) -> None:
    # A site that has been up for a while: each worker has seen each kind of page.
    for base in bases:
        for path in paths:
            for _ in range(3 * WORKERS_PER_SERVER):
                get(base + path)


# Exactly once ----------------------------------------------------------------------------------


def _child(env: dict[str, str], *args: str, timeout: float = 900) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.scale", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"benchmarks.scale {args[0]} failed:\n{done.stdout}\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _overlap(tasks: list[dict[str, Any]]) -> bool:
    """Did runs taken by different workers run at the same time?"""
    spans = [
        (dt.datetime.fromisoformat(t["started"]), dt.datetime.fromisoformat(t["finished"]), t)
        for t in tasks
        if t["started"] and t["finished"]
    ]
    return any(
        a[0] < b[1] and b[0] < a[1] and a[2]["workers"] != b[2]["workers"]
        for a, b in itertools.combinations(spans, 2)
    )


def exactly_once(here: Deployment) -> list[str]:
    from tests.faults.mail import delivered

    day = dt.date.today().isoformat()
    queued = _child(here.env, "queue-reminders", day, str(REMINDER_COPIES))
    outcome = _child(here.env, "reminders-done", *queued["tasks"])
    messages = Counter(delivered(here.mail))
    expected = queued["expected"]
    doubled = sum(n - 1 for n in messages.values())
    sent = sum(t["result"]["sent"] for t in outcome["tasks"] if t["result"])
    already = sum(t["result"]["already_sent"] for t in outcome["tasks"] if t["result"])
    statuses = Counter(t["status"] for t in outcome["tasks"])
    ran_on = sorted({w for t in outcome["tasks"] for w in t["workers"]})
    lines = [
        "",
        f"Exactly once with {TASK_WORKERS} task workers: {REMINDER_COPIES} copies of the reminder "
        f"run for {day} queued at once; {expected} reminders due (users made leads of "
        f"{LEAD_PROJECTS} seeded projects)",
        f"Runs: {dict(statuses)}, taken by {', '.join(ran_on)}; runs on different workers "
        f"overlapped in time: {'yes' if _overlap(outcome['tasks']) else 'no'}",
        f"Emails delivered: {sum(messages.values())} ({len(messages)} distinct, {doubled} "
        f"doubled); ReminderSent rows: {outcome['rows']}; the runs reported {sent} sent and "
        f"{already} already sent",
    ]
    if expected == 0:
        lines.append("  !! no reminder was due: the check proves nothing")
    if any(worker.poll() is not None for worker in here.workers):
        lines.append("  !! a task worker stopped during the run")
    if statuses != Counter({"SUCCESSFUL": REMINDER_COPIES}):
        lines.append("  !! not every reminder run finished successfully")
    if sum(messages.values()) != expected or doubled or outcome["rows"] != expected:
        lines.append("  !! a reminder was lost or sent twice")
    else:
        lines.append("Each reminder was sent exactly once.")
    return lines


def queue_reminders(day_iso: str, copies: int) -> dict[str, Any]:
    """Child process: make some seeded projects' leads real people, count the reminders the day
    calls for, and queue `copies` reminder runs for that day at once."""
    from django.contrib.auth.models import User
    from django.db import transaction

    from triplewin.core.lifecycle import State
    from triplewin.core.obligations import reminder_kind
    from triplewin.obligations.reminders import responsible_people
    from triplewin.obligations.selectors import obligations_for
    from triplewin.obligations.tasks import send_daily_reminders
    from triplewin.partnerships.models import PartyRole, Project, ProjectPartner

    day = dt.date.fromisoformat(day_iso)
    users = [
        User.objects.create_user(
            username=f"bench-lead-{n}", email=f"bench-lead-{n}@example.invalid"
        )
        for n in range(8)
    ]
    projects = list(
        Project.objects.filter(state__in=[State.IN_DELIVERY, State.COMPLETED]).order_by("pk")[
            :LEAD_PROJECTS
        ]
    )
    for n, project in enumerate(projects):
        ProjectPartner.objects.filter(project=project, party_role=PartyRole.NHS_LEAD).update(
            lead=users[n % len(users)]
        )
    due = obligations_for(projects, day)
    people = responsible_people(projects)
    expected = sum(
        len(people[p.pk])
        for p in projects
        for obligation in due[p.pk]
        if reminder_kind(obligation, day) is not None
    )
    with transaction.atomic():
        tasks = [str(send_daily_reminders.enqueue(day_iso).id) for _ in range(copies)]
    return {"expected": expected, "tasks": tasks}


def reminders_done(task_ids: list[str], timeout: float = 600) -> dict[str, Any]:
    """Child process: wait for the queued runs to finish; what each did, and the log's rows."""
    from django_tasks_db.models import DBTaskResult

    from triplewin.obligations.models import ReminderSent

    deadline = time.monotonic() + timeout
    while True:
        rows = list(DBTaskResult.objects.filter(pk__in=task_ids))
        if all(r.finished_at for r in rows) or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    return {
        "tasks": [
            {
                "status": str(r.status),
                "workers": r.worker_ids,
                "started": r.started_at.isoformat() if r.started_at else None,
                "finished": r.finished_at.isoformat() if r.finished_at else None,
                "result": r.return_value,
            }
            for r in rows
        ],
        "rows": ReminderSent.objects.count(),
    }


# One rate limit, two servers ---------------------------------------------------------------


def rate_limit_shared(here: Deployment) -> list[str]:
    a, b = here.bases
    jar = http.cookiejar.CookieJar()  # cookies go by host, not port: one jar serves both
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def post(base: str, token: str) -> int:
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "digest": "0" * 64}).encode()
        request = urllib.request.Request(  # noqa: S310 - loopback only
            f"{base}/documents/verify/", data=data, headers={"Referer": f"{base}/"}
        )
        try:
            with opener.open(request, timeout=30) as response:
                response.read()
                status: int = response.status
        except urllib.error.HTTPError as error:
            error.read()
            status = error.code
        return status

    with opener.open(f"{a}/documents/verify/", timeout=30) as response:
        page = response.read().decode()
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if found is None:
        raise SystemExit("The verification page has no CSRF token to post back.")
    token = found.group(1)
    through_a = [post(a, token) for _ in range(VERIFY_LIMIT)]
    through_b = post(b, token)
    lines = [
        "",
        f"One rate limit across servers: {VERIFY_LIMIT} checks on /documents/verify/ through "
        f"server A answered {dict(Counter(through_a))}; the next, through server B, "
        f"answered {through_b}",
    ]
    if any(status != 200 for status in through_a):
        lines.append("  !! a check within the limit was refused")
    if through_b != 429:
        lines.append("  !! server B did not refuse: the limit is not shared")
    else:
        lines.append("Server B refused it: both servers count in the one shared cache.")
    return lines


def _nothing_cached(bases: list[str], searches: list[str]) -> Load:
    """One client, the shared cache emptied before each search: what a search costs when no
    part of it (filter choices, cards, page) was kept from an earlier one. Not a target; the
    figure beside "cache miss", which keeps the parts that every search shares."""
    cache = _redis_db()
    timings: list[float] = []
    errors: list[str] = []
    start = time.perf_counter()
    for i in range(ALONE_REQUESTS):
        cache.flushdb()
        url = bases[i % len(bases)] + searches[i % len(searches)]
        status, ms = get(url)
        if status == 200:
            timings.append(ms)
        else:
            errors.append(f"{url}: HTTP {status}")
    return Load(timings, errors, time.perf_counter() - start)


# The benchmark --------------------------------------------------------------------------------


def _row(name: str, load: Load, alone: Load) -> str:
    timings = load.timings or [0.0]
    return (
        f"{name:<30}{len(load.timings) + len(load.errors):>9}{len(load.errors):>7}"
        f"{statistics.median(timings):>8.1f}{p95(timings):>8.1f}{load.throughput:>8.1f}"
        f"{statistics.median(alone.timings or [0.0]):>11.1f}"
    )


def _verdict(ok: bool) -> str:
    return "meets" if ok else "MISSES"


def run() -> list[str]:
    with deployment() as here:
        bases = here.bases
        searches = _searches(here.ids)
        _warm(bases, ["/_floor/", "/", *searches])
        cold = _nothing_cached(bases, searches)
        # Finding the projects opens each one's page once, so each is in the one-minute cache
        # when the load starts, as on a site that has been up for a while (ADR 0042).
        projects = _project_ids(bases)
        _warm(bases, ["/_floor/", "/", *searches, *(f"/register/{pk}/" for pk in projects[:4])])
        load_before = os.getloadavg()[0]
        paths: dict[str, Callable[[int, int], str]] = {
            "framework floor (/_floor/)": lambda n, i: "/_floor/",
            "register home (cached)": lambda n, i: "/",
            "register search (cache miss)": _missing(searches),
            "project page": lambda n, i: f"/register/{projects[(n * 7 + i) % len(projects)]}/",
        }
        # One client alone first: what a page costs when nothing else is asking.
        alone = {
            name: _hammer(bases, path, clients=1, requests=ALONE_REQUESTS)
            for name, path in paths.items()
        }
        loads = {name: _hammer(bases, path) for name, path in paths.items()}
        reminders = exactly_once(here)
        limited = rate_limit_shared(here)
        load_after = os.getloadavg()[0]

    floor = loads["framework floor (/_floor/)"]
    home = loads["register home (cached)"]
    miss = loads["register search (cache miss)"]
    project = loads["project page"]
    share = home.throughput / floor.throughput if floor.throughput else 0.0
    lines = [
        "",
        mode_line(),
        f"Scale: {SERVERS} gunicorn app servers x {WORKERS_PER_SERVER} workers and "
        f"{TASK_WORKERS} task workers on one PostgreSQL, Redis and Azurite; {CLIENTS} clients, "
        f"half on each server, {REQUESTS_PER_CLIENT} requests each per page, {os.cpu_count()} CPUs",
        f"Seeded: {here.ids['projects']} projects ({here.ids['published']} published), "
        f"{here.ids['transfers']} transfers of value",
        f"Machine load average: {load_before:.1f} before, {load_after:.1f} after "
        "(other work shares these CPUs)",
        f"{'page':<30}{'requests':>9}{'errors':>7}{'p50 ms':>8}{'p95 ms':>8}{'req/s':>8}"
        f"{'alone p50':>11}",
        *(_row(name, load, alone[name]) for name, load in loads.items()),
        f"(alone p50: {ALONE_REQUESTS} requests by one client, nothing else asking)",
        f"Register search with nothing cached (one client, the cache emptied before each of "
        f"{len(cold.timings)}): p50 {statistics.median(cold.timings or [0.0]):.1f} ms, "
        f"p95 {p95(cold.timings or [0.0]):.1f} ms. The cache-miss row keeps the parts every "
        "search shares: the filter choices and each partnership's card (ADR 0043).",
        f"Cached register home: {share:.0%} of the floor's throughput: "
        f"{_verdict(share >= FLOOR_SHARE)} the {FLOOR_SHARE:.0%} target.",
    ]
    for name, load, target in (
        ("Register home (cached)", home, REGISTER_P95_MS),
        ("Register search (cache miss)", miss, REGISTER_P95_MS),
        ("Project page", project, PROJECT_P95_MS),
    ):
        figure = p95(load.timings) if load.timings else float("inf")
        lines.append(
            f"{name} p95 {figure:.1f} ms: {_verdict(figure < target)} the {target:.0f} ms target."
        )
    errors = [e for load in [*loads.values(), *alone.values(), cold] for e in load.errors]
    lines.append(f"Errors: {len(errors)}: {_verdict(not errors)} the target of none.")
    lines.extend(f"  !! {error}" for error in errors[:5])
    return [*lines, *reminders, *limited]


# Soak -----------------------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The fields after the command name, which is in parentheses and may hold spaces.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


def _rss_kib(pid: int) -> int:
    try:
        psutil = importlib.import_module("psutil")  # optional: not a dependency
    except ImportError:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise SystemExit(f"No VmRSS for process {pid}") from None
    return int(psutil.Process(pid).memory_info().rss // 1024)


def _memory(here: Deployment) -> dict[int, int]:
    return {pid: _rss_kib(pid) for server in here.servers for pid in _children(server.pid)}


def soak(minutes: float) -> list[str]:
    with deployment(soak=True) as here:
        bases = here.bases
        searches = _searches(here.ids)
        projects = _project_ids(bases)
        _warm(bases, ["/_floor/", "/", *searches, *(f"/register/{pk}/" for pk in projects[:4])])
        mix = _missing(searches)

        def path(number: int, i: int) -> str:
            kind = i % 4
            if kind == 0:
                return "/"
            if kind == 1:
                return mix(number, i)
            if kind == 2:
                return f"/register/{projects[(number * 7 + i) % len(projects)]}/"
            return "/_floor/"

        before = _memory(here)
        load = _hammer(
            bases,
            path,
            clients=SOAK_CLIENTS,
            requests=None,
            until=time.monotonic() + minutes * 60,
        )
        after = _memory(here)

    lines = [
        "",
        mode_line(),
        f"Soak: {minutes:g} minutes, {SOAK_CLIENTS} clients over {SERVERS} servers x "
        f"{WORKERS_PER_SERVER} workers (worker restarts off), register home, cache-missing "
        "searches, project pages and the floor in turn",
        f"Requests: {len(load.timings) + len(load.errors)}, errors {len(load.errors)}, "
        f"p50 {statistics.median(load.timings or [0.0]):.1f} ms, "
        f"p95 {p95(load.timings or [0.0]):.1f} ms, {load.throughput:.1f} req/s",
        f"{'gunicorn worker':<18}{'start MiB':>11}{'end MiB':>11}{'growth':>9}",
    ]
    worst = 0.0
    for pid in sorted(before):
        if pid not in after:
            lines.append(f"  !! worker {pid} did not last the soak")
            continue
        growth = after[pid] / before[pid] - 1
        worst = max(worst, growth)
        lines.append(
            f"{pid:<18}{before[pid] / 1024:>11.1f}{after[pid] / 1024:>11.1f}{growth:>9.1%}"
        )
    total_before, total_after = sum(before.values()), sum(after.values())
    lines.append(
        f"All workers: {total_before / 1024:.1f} MiB to {total_after / 1024:.1f} MiB; "
        f"the largest growth of one worker {worst:.1%}: "
        f"{_verdict(worst < SOAK_GROWTH)} the {SOAK_GROWTH:.0%} limit."
    )
    lines.append(f"Errors: {len(load.errors)}: {_verdict(not load.errors)} the target of none.")
    lines.extend(f"  !! {error}" for error in load.errors[:5])
    return lines


def main(argv: list[str]) -> int:
    if argv[:1] in (["queue-reminders"], ["reminders-done"]):
        import django

        django.setup()
        if argv[0] == "queue-reminders":
            result = queue_reminders(argv[1], int(argv[2]))
        else:
            result = reminders_done(argv[1:])
        print(json.dumps(result))
        return 0
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale", description=__doc__)
    parser.add_argument(
        "--soak",
        type=float,
        nargs="?",
        const=30.0,
        metavar="MINUTES",
        help="a modest load for MINUTES (30 if none given) and the workers' memory growth",
    )
    options = parser.parse_args(argv)
    lines = soak(options.soak) if options.soak is not None else run()
    print("\n".join(lines))
    return 1 if any(MISSED.search(line) for line in lines) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
