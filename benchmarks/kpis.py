"""KPI dashboard benchmark: a project with 50 KPIs x 260 weekly points (five years each).

`run()` returns report lines for benchmarks/run.py to print; `python -m benchmarks.kpis` runs
it alone against the same bench database (var/bench.sqlite3, or BENCH_DATABASE_URL). The
dashboard is requested through Django's test client, so the timings cover the whole request:
access checks, one query for every measurement, 50 SPC analyses, 50 SVG charts and 50 data
tables. A second project with 26 points per KPI shows that the number of queries does not
grow with the number of points. Seeding uses bulk inserts: it creates volume, not behaviour.
Target: dashboard p95 under 300 ms.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import random
import statistics
import time
from decimal import Decimal
from typing import Any

KPIS = 50
POINTS = 260
FEW_POINTS = 26
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "60"))
TARGET_MS = 300.0
TITLE = "KPI bench: {points} weekly points"
VIEWER = "kpi.bench@example.test"
CATEGORIES = ("clinical", "delivery", "service", "economic", "experience")


def _ensure_django() -> None:
    import django
    from django.apps import apps

    if not apps.ready:
        from pathlib import Path

        root = Path(__file__).resolve().parent.parent
        from benchmarks.production import configure

        configure()
        os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
        os.environ["DATABASE_URL"] = os.environ.get(
            "BENCH_DATABASE_URL", f"sqlite:///{root / 'var' / 'bench.sqlite3'}"
        )
        django.setup()


def _viewer() -> Any:
    from django.contrib.auth import get_user_model

    from triplewin.organisations.models import Membership, Organisation, OrgType

    trust, _ = Organisation.objects.get_or_create(
        name="KPI Bench Hospitals NHS Trust", defaults={"org_type": OrgType.TRUST}
    )
    user, _ = get_user_model().objects.get_or_create(
        username=VIEWER, defaults={"email": VIEWER, "first_name": "Kpi", "last_name": "Bench"}
    )
    Membership.objects.get_or_create(user=user, organisation=trust, role="partnership_lead")
    return user, trust


def _series(rng: random.Random, points: int) -> list[float]:
    """A noisy weekly series with a shift part of the way through, so rules fire."""
    level = rng.uniform(20, 80)
    shift_at = rng.randint(points // 3, points - 10) if points > 20 else points
    values = []
    for week in range(points):
        drift = 8 if week >= shift_at else 0
        seasonal = 2 * math.sin(week / 8)
        values.append(round(level + drift + seasonal + rng.gauss(0, 3), 1))
    return values


def seed(points: int) -> Any:
    """The bench project with `points` weekly values per KPI, created once and then reused."""
    from django.db import transaction

    from triplewin.kpis.models import Kpi, Measurement
    from triplewin.partnerships.models import Project

    title = TITLE.format(points=points)
    existing = Project.objects.filter(title=title).first()
    if existing is not None:
        return existing
    user, trust = _viewer()
    rng = random.Random(points)
    first_monday = dt.date(2020, 1, 6)
    with transaction.atomic():
        project = Project.objects.create(
            title=title,
            summary="Benchmark project for the KPI dashboard.",
            origin_setting="secondary",
            therapy_area="Cardiology",
            intended_type="jw",
            proposed_by="Benchmark",
            state="in_delivery",
        )
        project.partners.create(organisation=trust, party_role="nhs_lead", lead=user)
        kpis = Kpi.objects.bulk_create(
            Kpi(
                project=project,
                name=f"Bench measure {n + 1:02d}",
                category=CATEGORIES[n % len(CATEGORIES)],
                definition="A generated weekly measure.",
                unit="%" if n % 2 else "people",
                data_source="Generated",
                frequency="weekly",
                baseline_value=Decimal(50),
                baseline_date=first_monday,
                target_value=Decimal(60 + n % 20),
                target_date=dt.date(2026, 3, 31),
                direction="up" if n % 3 else "down",
                rollup="sum",
                company_may_see=n % 4 == 0,
                aggregated_anonymised=n % 4 == 0,
            )
            for n in range(KPIS)
        )
        Measurement.objects.bulk_create(
            (
                Measurement(
                    kpi=kpi,
                    period=first_monday + dt.timedelta(weeks=week),
                    value=Decimal(str(value)),
                    recorded_by=user,
                )
                for kpi in kpis
                for week, value in enumerate(_series(rng, points))
            ),
            batch_size=2000,
        )
    return project


def _measure(client: Any, url: str) -> tuple[float, float, float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = client.get(url)  # warm caches and connections
    if first.status_code != 200:
        raise SystemExit(f"{url} answered {first.status_code}")
    timings, cpu = [], []
    for _ in range(REQUESTS):
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        # CPU time too: on a shared machine the wall clock also counts other people's work.
        cpu.append((time.process_time() - start_cpu) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    timings.sort()
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    return (
        statistics.median(timings),
        p95,
        statistics.median(cpu),
        len(queries),
        len(response.content),
    )


def run() -> list[str]:
    _ensure_django()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    large = seed(POINTS)
    small = seed(FEW_POINTS)
    seeded_in = time.perf_counter() - started
    user, _ = _viewer()
    client = Client()
    client.force_login(user)
    pages = [
        (f"dashboard, {KPIS} KPIs x {POINTS} points", f"/projects/{large.pk}/kpis/"),
        (f"dashboard, {KPIS} KPIs x {FEW_POINTS} points", f"/projects/{small.pk}/kpis/"),
        (
            f"one KPI page, {POINTS} points",
            f"/projects/{large.pk}/kpis/{large.kpis.order_by('pk').first().pk}/",
        ),
    ]
    results = {name: _measure(client, url) for name, url in pages}
    lines = [
        f"KPI dashboard benchmark ({connection.vendor}, {REQUESTS} requests each; "
        f"seeding took {seeded_in:.1f} s)",
        f"{'page':<36}{'p50 ms':>9}{'p95 ms':>9}{'CPU p50':>9}{'queries':>9}{'KB':>8}",
    ]
    for name, (p50, p95, cpu, count, size) in results.items():
        lines.append(f"{name:<36}{p50:>9.1f}{p95:>9.1f}{cpu:>9.1f}{count:>9}{size / 1024:>8.0f}")
    big, few = results[pages[0][0]], results[pages[1][0]]
    verdict = "met" if big[1] < TARGET_MS else "MISSED"
    lines.append(f"Target: dashboard p95 < {TARGET_MS:.0f} ms ({verdict}, {big[1]:.1f}).")
    if big[3] == few[3]:
        lines.append("Query count is the same at 26 and 260 points per KPI.")
    else:
        lines.append(f"!! Query count grew with the number of points: {few[3]} -> {big[3]}.")
    return lines


if __name__ == "__main__":
    from benchmarks.production import print_report

    print_report(run())
