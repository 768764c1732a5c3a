"""API write benchmark: a batch of 1,000 KPI readings and a year of 10,000 transfers of value.

`run()` returns report lines for benchmarks/run.py; `python -m benchmarks.api` runs it alone
against the bench database (var/bench.sqlite3, or BENCH_DATABASE_URL), in production mode.
Each batch goes through the whole request, as an integrator's would: token check, rate
limit, schema validation, the same row checks and identifier guard as an upload, the write
and its audit event, in one transaction. Each is sent several times; every send changes
every value, so each measures the full write, not a "nothing changed" shortcut.
Targets: each batch accepted in under 2 s.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import time
from decimal import Decimal
from typing import Any

READINGS = 1_000
TRANSFERS = 10_000
SENDS = int(os.environ.get("BENCH_API_SENDS", "5"))
TARGET_S = 2.0
TITLE = "API bench project"


def _ensure_django() -> None:
    from benchmarks.kpis import _ensure_django as ensure

    ensure()


def seed() -> tuple[Any, Any, Any, str, str]:
    """The bench project with its partners and KPI, and a token for each partner."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from triplewin.api import tokens
    from triplewin.api.models import Scope
    from triplewin.kpis.models import Kpi
    from triplewin.organisations.models import Membership, Organisation, OrgType
    from triplewin.partnerships.models import Project

    trust, _ = Organisation.objects.get_or_create(
        name="API Bench Hospitals NHS Trust", defaults={"org_type": OrgType.TRUST}
    )
    company, _ = Organisation.objects.get_or_create(
        name="API Bench Pharma Ltd", defaults={"org_type": OrgType.PHARMACEUTICAL}
    )
    admins = []
    for org, email in (
        (trust, "api.bench.nhs@example.test"),
        (company, "api.bench.co@example.test"),
    ):
        user, _ = get_user_model().objects.get_or_create(
            username=email, defaults={"email": email, "first_name": "Api", "last_name": "Bench"}
        )
        Membership.objects.get_or_create(
            user=user,
            organisation=org,
            role="organisation_administrator",
            defaults={"function": "other" if org.is_pharmaceutical else ""},
        )
        admins.append(user)
    project = Project.objects.filter(title=TITLE).first()
    if project is None:
        project = Project.objects.create(
            title=TITLE,
            summary="Benchmark project for the API.",
            origin_setting="secondary",
            therapy_area="Cardiology",
            intended_type="jw",
            proposed_by="Benchmark",
            state="in_delivery",
        )
        project.partners.create(organisation=trust, party_role="nhs_lead", lead=admins[0])
        project.partners.create(organisation=company, party_role="industry", lead=admins[1])
    kpi, _ = Kpi.objects.get_or_create(
        project=project,
        name="Bench weekly measure",
        defaults={
            "category": "clinical",
            "definition": "A generated weekly measure.",
            "unit": "people",
            "data_source": "Generated",
            "frequency": "weekly",
            "target_value": Decimal(60),
            "target_date": dt.date(2030, 3, 31),
            "direction": "up",
            "rollup": "sum",
            "company_may_see": True,
            "aggregated_anonymised": True,
        },
    )
    expires = timezone.localdate() + dt.timedelta(days=30)
    every = [s.value for s in Scope]
    _, nhs = tokens.token_create(
        actor=admins[0], organisation=trust, name="bench", scopes=every, expires_on=expires
    )
    _, pharma = tokens.token_create(
        actor=admins[1], organisation=company, name="bench", scopes=every, expires_on=expires
    )
    return project, kpi, trust, nhs, pharma


def _timed(send: Any, cpu: list[float]) -> float:
    start, start_cpu = time.perf_counter(), time.process_time()
    response = send()
    took = time.perf_counter() - start
    # CPU time too: on a shared machine the wall clock also counts other people's work.
    cpu.append(time.process_time() - start_cpu)
    if response.status_code != 200:
        raise SystemExit(
            f"The API refused the batch: {response.status_code} {response.content[:500]!r}"
        )
    return took


def run() -> list[str]:
    _ensure_django()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("migrate", verbosity=0, interactive=False)
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "api_token": "100000/m/key"}
    project, kpi, trust, nhs, pharma = seed()
    last_monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday() + 7)
    weeks = [last_monday - dt.timedelta(weeks=n) for n in range(READINGS)]
    year = dt.date.today().year - 1
    readings_path = f"/api/v1/projects/{project.pk}/kpis/{kpi.pk}/readings"
    transfers_path = f"/api/v1/projects/{project.pk}/transfers/{year}"
    nhs_client = Client(HTTP_AUTHORIZATION=f"Bearer {nhs}")
    pharma_client = Client(HTTP_AUTHORIZATION=f"Bearer {pharma}")
    # Warm up: the first request of a process imports the URL configuration and every view.
    nhs_client.get("/api/v1/projects")
    reading_times: list[float] = []
    transfer_times: list[float] = []
    reading_cpu: list[float] = []
    transfer_cpu: list[float] = []
    for send in range(SENDS):
        readings = json.dumps(
            {
                "replace": True,
                "readings": [
                    {"period": w.isoformat(), "value": f"{(n * 7 + send) % 500}.5"}
                    for n, w in enumerate(weeks)
                ],
            }
        )
        reading_times.append(
            _timed(
                lambda body=readings: nhs_client.post(
                    readings_path, body, content_type="application/json"
                ),
                reading_cpu,
            )
        )
        transfers = json.dumps(
            {
                "transfers": [
                    {
                        "reference": f"BENCH-{n:05d}",
                        "recipient_id": trust.pk,
                        "category": "joint_collaborative",
                        "amount_money": f"{100 + send + n % 50}.00",
                    }
                    for n in range(TRANSFERS)
                ]
            }
        )
        transfer_times.append(
            _timed(
                lambda body=transfers: pharma_client.put(
                    transfers_path, body, content_type="application/json"
                ),
                transfer_cpu,
            )
        )
    lines = [
        f"API write benchmark ({connection.vendor}, {SENDS} sends each, every value changed each time)",
        f"{'batch':<36}{'p50 s':>9}{'max s':>9}{'CPU p50':>9}",
    ]
    verdicts = []
    for name, times, cpu in (
        (f"{READINGS:,} KPI readings", reading_times, reading_cpu),
        (f"{TRANSFERS:,} transfers of value", transfer_times, transfer_cpu),
    ):
        lines.append(
            f"{name:<36}{statistics.median(times):>9.2f}{max(times):>9.2f}"
            f"{statistics.median(cpu):>9.2f}"
        )
        verdicts.append(
            f"{name} {'met' if max(times) < TARGET_S else 'MISSED'} ({max(times):.2f} s)"
        )
    lines.append(f"Target: each batch under {TARGET_S:.0f} s: " + "; ".join(verdicts) + ".")
    return lines


if __name__ == "__main__":
    from benchmarks.production import print_report

    print_report(run())
