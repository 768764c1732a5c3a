"""Audit chain benchmark: the cost of chaining each write, and verifying 1,000,000 events.

`run()` returns report lines for benchmarks/run.py. It runs this module twice in child
processes, on a throwaway SQLite file (var/bench-audit.sqlite3) and on a throwaway PostgreSQL
database (BENCH_AUDIT_PG_URL), because Django in the parent is already set up on the page
benchmark's database. Each child:

- times 500 audit writes the old way (one INSERT, in its own transaction) and 500 through
  `audit.services.record`, which takes the chain's lock, reads the head and hashes, and
  reports both medians: the cost the chain adds to each write;
- then fills the table with a chain of 1,000,000 events (bulk inserts with real hashes:
  volume, not behaviour) and times `verify_chain`, the walk behind `manage.py verify_audit`.

Target: the whole verification under 60 s. The write cost is reported, not judged: it is
dominated by each commit's flush to disk, which the chain does not change.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.production import child_env

ROOT = Path(__file__).resolve().parent.parent
EVENTS = int(os.environ.get("BENCH_AUDIT_EVENTS", "1000000"))
WRITES = 500
ROUNDS = 5
BATCH = 5_000
VERIFY_TARGET_S = 60.0
SQLITE_PATH = ROOT / "var" / "bench-audit.sqlite3"
# Set only for the child processes, which run against that database and empty its audit table.
CHILD_URL = "BENCH_AUDIT_DATABASE_URL"
PG_URL = os.environ.get(
    "BENCH_AUDIT_PG_URL", "postgres://postgres@127.0.0.1:5432/triplewin_bench_audit"
)
ACTIONS = [
    ("project.updated", "partnerships.Project"),
    ("concept.saved", "concept.Concept"),
    ("milestone.updated", "delivery.Milestone"),
    ("kpi.value_recorded", "kpis.Measurement"),
    ("team.member_added", "team.TeamMember"),
    ("obligation.reminder_sent", "obligations.ReminderSent"),
]
FIELDS = ["title", "summary", "therapy_area", "planned_start", "owner", "status", "value"]


def _setup() -> None:
    import django

    from benchmarks.production import configure

    configure()
    os.environ["DATABASE_URL"] = os.environ[CHILD_URL]
    django.setup()


def _empty_audit_table() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A throwaway database: the session may lift the append-only guard's TRUNCATE
            # refusal, as the test suite does.
            cursor.execute("SET triplewin.allow_audit_truncate = 'on'")
            cursor.execute("TRUNCATE audit_auditevent")
        else:
            cursor.execute("DELETE FROM audit_auditevent")


def _timed_writes() -> tuple[list[float], list[float]]:
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from triplewin.audit import services
    from triplewin.audit.models import AuditEvent
    from triplewin.core.audit_chain import GENESIS

    user = get_user_model().objects.create_user("bench-audit@example.test", "bench-audit-pw-1")
    changes: dict[str, list[Any]] = {
        "therapy_area": ["Cardiology", "Renal"],
        "planned_start": [None, "2027-04-01"],
    }
    before: list[float] = []
    after: list[float] = []
    # Alternating rounds, so both ways of writing see the same load on a shared machine.
    for _ in range(ROUNDS):
        for n in range(WRITES // ROUNDS):
            start = time.perf_counter()
            with transaction.atomic():
                # What record() did before the chain: one INSERT.
                AuditEvent(
                    actor=user,
                    actor_label="Bench User <bench-audit@example.test>",
                    action="project.updated",
                    object_type="auth.User",
                    object_id=str(user.pk),
                    object_label=str(user),
                    project_id=1,
                    changes=changes,
                    sequence=n + 1,
                    prev_hash=GENESIS,
                    hash=GENESIS,
                ).save(force_insert=True)
            before.append((time.perf_counter() - start) * 1000)
        _empty_audit_table()
        for _ in range(WRITES // ROUNDS):
            start = time.perf_counter()
            with transaction.atomic():
                services.record(
                    actor=user, action="project.updated", obj=user, project_id=1, changes=changes
                )
            after.append((time.perf_counter() - start) * 1000)
        _empty_audit_table()
    return before, after


def _generated(rng: random.Random, sequence: int, at: dt.datetime) -> dict[str, Any]:
    action, object_type = rng.choice(ACTIONS)
    person = rng.randrange(500)
    changes = {
        field: [
            None if rng.random() < 0.3 else f"Previous {field} text {rng.randrange(10**6)}",
            f"New {field} value, written by a person {rng.randrange(10**6)}",
        ]
        for field in rng.sample(FIELDS, rng.randint(1, 3))
    }
    return {
        "sequence": sequence,
        "at": at,
        "actor_id": person,
        "actor_label": f"Person {person} <person{person}@nhs.example>",
        "action": action,
        "object_type": object_type,
        "object_id": str(rng.randrange(10**6)),
        "object_label": f"Record {rng.randrange(10**6)} of a partnership project",
        "project_id": rng.randrange(1, 10_001),
        "kpi_id": rng.randrange(1, 50_001) if object_type.startswith("kpis.") else None,
        "changes": changes,
    }


def _seed_chain(total: int) -> None:
    from django.db import connection, transaction
    from django.db.models import Field

    from triplewin.audit.models import CHAIN_COLUMNS, AuditEvent
    from triplewin.core.audit_chain import GENESIS, EventContent, event_hash

    columns = CHAIN_COLUMNS[:-1]  # the id is the database's

    fields: list[Field[Any, Any]] = []
    for name in columns:
        field = AuditEvent._meta.get_field(name)
        assert isinstance(field, Field)
        fields.append(field)
    sql = (
        f"INSERT INTO audit_auditevent ({', '.join(f.column for f in fields)}) "  # noqa: S608 - fixed names
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    rng = random.Random(12)
    previous = GENESIS
    at = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    rows: list[list[Any]] = []
    for sequence in range(1, total + 1):
        at += dt.timedelta(seconds=rng.randint(1, 90), microseconds=rng.randrange(10**6))
        values = _generated(rng, sequence, at)
        # Hashed as stored: changes as the database will give them back.
        values["changes"] = json.loads(json.dumps(values["changes"]))
        values["prev_hash"] = previous
        values["hash"] = previous = event_hash(EventContent(**values))
        rows.append(
            [
                f.get_db_prep_value(values[name], connection)
                for name, f in zip(columns, fields, strict=True)
            ]
        )
        if len(rows) == BATCH or sequence == total:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.executemany(sql, rows)
            rows = []


def child() -> None:
    """Runs inside a child process whose database is BENCH_AUDIT_DATABASE_URL."""
    _setup()
    from django.core.management import call_command
    from django.db import connection

    from triplewin.audit.chain import verify_chain

    call_command("migrate", verbosity=0, interactive=False)
    _empty_audit_table()
    before, after = _timed_writes()
    p50_before, p50_after = statistics.median(before), statistics.median(after)
    print(
        f"audit write ({connection.vendor}): p50 {p50_before:.2f} ms before the chain, "
        f"{p50_after:.2f} ms chained (+{p50_after - p50_before:.2f} ms a write, "
        "committed one at a time)"
    )
    started = time.perf_counter()
    _seed_chain(EVENTS)
    seeded = time.perf_counter() - started
    started = time.perf_counter()
    report = verify_chain()
    took = time.perf_counter() - started
    if not report.verified or report.events != EVENTS:
        print(f"!! audit verification ({connection.vendor}) found {report.broken}")
    mark = "" if took < VERIFY_TARGET_S else "  MISSED"
    print(
        f"audit verify ({connection.vendor}): {report.events:,} events in {took:.1f} s "
        f"({report.events / took:,.0f} a second; target under {VERIFY_TARGET_S:.0f} s; "
        f"seeded in {seeded:.0f} s){mark}"
    )


def run() -> list[str]:
    from benchmarks.postgres import run_module

    SQLITE_PATH.unlink(missing_ok=True)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.audit"],
            cwd=ROOT,
            env=child_env(**{CHILD_URL: f"sqlite:///{SQLITE_PATH}"}),
            check=False,
            capture_output=True,
            text=True,
        )
    finally:
        SQLITE_PATH.unlink(missing_ok=True)
    lines = ["Audit chain benchmark"]
    if done.returncode != 0:
        lines += ["!! benchmarks.audit on SQLite failed:", *done.stderr.splitlines()[-15:]]
    else:
        lines += done.stdout.splitlines()
    return lines + run_module("benchmarks.audit", PG_URL, variable=CHILD_URL)


if __name__ == "__main__":
    if CHILD_URL in os.environ:
        child()
    else:
        from benchmarks.production import print_report

        print_report(run())
