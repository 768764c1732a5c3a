"""The web process is killed in the middle of a write (issue 19).

A real gunicorn serves the app, made to stop inside the chosen write once its rows and its
audit event are written but before it commits (`holding_wsgi`). The test kills the server
there with SIGKILL, checks that nothing of the write remains, starts a plain server and does
the same thing again from a fresh page: it succeeds, once.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.faults.processes import ROOT, Process, app_env, free_port, get, started, wait_for
from tests.faults.web import Browser
from triplewin.audit.chain import verify_chain
from triplewin.audit.models import AuditEvent
from triplewin.kpis.models import Measurement
from triplewin.kpis.tests import builders as kpi_builders
from triplewin.submissions.models import SpentToken
from triplewin.team.tests.builders import advance

pytestmark = [pytest.mark.fault, pytest.mark.slow_fault, pytest.mark.django_db(transaction=True)]

GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
READINGS = b"period,value,note\n2024-01-01,41,\n2024-02-01,43,\n2024-03-01,44.5,checked\n"


@contextlib.contextmanager
def serving(logs: Path, name: str, **hold: str) -> Iterator[tuple[str, Process]]:
    port = free_port()
    app = "tests.faults.holding_wsgi:application" if hold else "triplewin.config.wsgi"
    env = app_env(GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY="1", **hold)
    argv = [GUNICORN, "-c", "gunicorn.conf.py", "--timeout", "900", app]
    with started(argv, env=env, log_dir=logs, name=name) as server:
        site = f"http://127.0.0.1:{port}"
        wait_for(
            lambda: get(f"{site}/health/live")[0] == 200 or not _running(server),
            timeout=90,
            what="gunicorn",
        )
        assert server.alive(), server.output()[-3000:]
        yield site, server


def _running(server: Process) -> bool:
    return server.alive()


def _in_background(action: Callable[[], Any]) -> threading.Thread:
    thread = threading.Thread(target=action, daemon=True)
    thread.start()
    return thread


def test_killed_in_the_middle_of_a_kpi_file_import(
    project: Any, nhs_lead: Any, logs: Path, tmp_path: Path, record_fault: Callable[..., None]
) -> None:
    kpi = kpi_builders.kpi(advance(project, nhs_lead, to="in_delivery"), nhs_lead)
    page = f"/projects/{project.pk}/kpis/{kpi.pk}/"
    upload = f"/projects/{project.pk}/kpis/{kpi.pk}/upload/"
    marker = tmp_path / "holding"
    events_before = AuditEvent.objects.count()

    with serving(
        logs,
        "gunicorn-holding",
        FAULT_HOLD_ACTION="kpis.measurements_uploaded",
        FAULT_HOLD_MARKER=str(marker),
    ) as (site, server):
        browser = Browser(site, nhs_lead)
        status, html = browser.get(page)
        assert status == 200, html[:500]
        fields = {**browser.form(html, upload), "replace": ""}
        answer: list[tuple[int, str]] = []
        posting = _in_background(
            lambda: answer.append(
                browser.post(upload, fields, {"file": ("readings.csv", READINGS)})
            )
        )
        wait_for(marker.exists, timeout=120, what="the import to reach its audit event")
        server.kill()
        posting.join(timeout=30)

    half_written = Measurement.objects.filter(kpi=kpi).count()
    events_after_kill = AuditEvent.objects.count() - events_before
    tokens_spent = SpentToken.objects.count()

    with serving(logs, "gunicorn-plain") as (site, _):
        browser = Browser(site, nhs_lead)
        status, html = browser.get(page)
        fields = {**browser.form(html, upload), "replace": ""}
        status, html = browser.post(upload, fields, {"file": ("readings.csv", READINGS)})
    saved = Measurement.objects.filter(kpi=kpi).count()

    record_fault(
        fault="Web killed mid KPI import",
        done="SIGKILL to gunicorn after the import wrote its rows and audit event, before the "
        "commit; then the same file uploaded again.",
        user_saw=f"The connection dropped (no answer); the second upload said "
        f"{'File uploaded: 3 values added' if 'File uploaded: 3 values added' in html else html[:80]!r}.",
        lost="nothing" if saved == 3 else f"{3 - saved} readings",
        doubled="nothing" if half_written == 0 and saved == 3 else f"{half_written} half-written",
    )
    assert answer == [] or answer[0][0] == 0
    assert half_written == 0
    assert events_after_kill == 0
    assert tokens_spent == 0
    assert status == 200
    assert "File uploaded: 3 values added" in html
    assert saved == 3
    assert verify_chain().verified
