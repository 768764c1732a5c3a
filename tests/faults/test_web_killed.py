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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.faults.processes import ROOT, Process, app_env, free_port, get, started, wait_for
from tests.faults.web import Browser
from triplewin.audit.chain import verify_chain
from triplewin.audit.models import AuditEvent
from triplewin.kpis.models import Measurement
from triplewin.kpis.tests import builders as kpi_builders
from triplewin.pid.tests.fixtures import (  # noqa: F401 (fixtures)
    complete_pid,
    in_setup,
    nhs_governance,
    submitted,
)
from triplewin.signoff.models import SignOffAct
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


@dataclass(frozen=True)
class Write:
    """One write as a user makes it: the page with its form, the post, what it sends."""

    name: str
    page: str
    action: str
    fields: dict[str, str]
    files: dict[str, tuple[str, bytes]]
    audit_action: str
    # What the write leaves behind in the database: 0 before, `expected` after, never between.
    count: Callable[[], int]
    expected: int
    success: str


def _kpi_import(project: Any, nhs_lead: Any) -> Write:
    kpi = kpi_builders.kpi(advance(project, nhs_lead, to="in_delivery"), nhs_lead)
    base = f"/projects/{project.pk}/kpis/{kpi.pk}/"
    return Write(
        name="KPI file import",
        page=base,
        action=base + "upload/",
        fields={"replace": ""},
        files={"file": ("readings.csv", READINGS)},
        audit_action="kpis.measurements_uploaded",
        count=lambda: Measurement.objects.filter(kpi=kpi).count(),
        expected=3,
        success="File uploaded: 3 values added",
    )


def _pid_approval(version: Any) -> Write:
    project = version.project
    return Write(
        name="PID approval",
        page=f"/projects/{project.pk}/pid/decision/",
        action=f"/projects/{project.pk}/pid/decision/",
        fields={"version": "1", "body": "team", "decision": "approve", "reason": ""},
        files={},
        audit_action="pid.approved",
        count=lambda: SignOffAct.objects.on("pid").decisions().count(),
        expected=1,
        success="The decision on version 1 is recorded.",
    )


@pytest.fixture(params=["kpi_import", "pid_approval"])
def write(request: pytest.FixtureRequest, nhs_lead: Any) -> Write:
    if request.param == "kpi_import":
        return _kpi_import(request.getfixturevalue("project"), nhs_lead)
    return _pid_approval(request.getfixturevalue("submitted"))


def test_killed_in_the_middle_of_a_write(
    write: Write, nhs_lead: Any, logs: Path, tmp_path: Path, record_fault: Callable[..., None]
) -> None:
    marker = tmp_path / "holding"
    events_before = AuditEvent.objects.count()
    assert write.count() == 0

    with serving(
        logs,
        "gunicorn-holding",
        FAULT_HOLD_ACTION=write.audit_action,
        FAULT_HOLD_MARKER=str(marker),
    ) as (site, server):
        browser = Browser(site, nhs_lead)
        status, html = browser.get(write.page)
        assert status == 200, html[:500]
        fields = {**browser.form(html, write.action, at=write.page), **write.fields}
        answer: list[tuple[int, str]] = []
        posting = _in_background(
            lambda: answer.append(browser.post(write.action, fields, write.files))
        )
        wait_for(marker.exists, timeout=120, what=f"the {write.name} to reach its audit event")
        server.kill()
        posting.join(timeout=30)

    half_written = write.count()
    events_after_kill = AuditEvent.objects.count() - events_before
    tokens_spent = SpentToken.objects.count()

    with serving(logs, "gunicorn-plain") as (site, _):
        browser = Browser(site, nhs_lead)
        status, html = browser.get(write.page)
        fields = {**browser.form(html, write.action, at=write.page), **write.fields}
        status, html = browser.post(write.action, fields, write.files)
    saved = write.count()

    record_fault(
        fault=f"Web killed mid {write.name}",
        done=f"SIGKILL to gunicorn inside the {write.name}, after its rows and audit event, "
        "before the commit; then the same action again.",
        user_saw="The connection dropped, no answer; the repeat said "
        + (repr(write.success) if write.success in html else repr(html[:80])),
        lost="nothing" if saved == write.expected else f"{write.expected - saved} records",
        doubled="nothing"
        if half_written == 0 and saved == write.expected
        else f"{half_written} half-written, {saved} saved",
    )
    assert answer == [] or answer[0][0] == 0
    assert half_written == 0
    assert events_after_kill == 0
    assert tokens_spent == 0
    assert status == 200
    assert write.success in html
    assert saved == write.expected
    assert verify_chain().verified
