"""The web process is killed in the middle of a write (issue 19).

A real gunicorn serves the app, made to stop inside the chosen write once its rows and its
audit event are written but before it commits (`holding_wsgi`). The test kills the server
there with SIGKILL, checks that nothing of the write remains, starts a plain server and does
the same thing again from a fresh page: it succeeds, once.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from tests import factories
from tests.faults.processes import Process, app_env, gunicorn, wait_for
from tests.faults.web import Browser
from triplewin.audit.chain import verify_chain
from triplewin.audit.models import AuditEvent
from triplewin.kpis.models import Measurement
from triplewin.kpis.tests import builders as kpi_builders
from triplewin.library.models import CaseStudy
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

CASE_STUDIES = (
    b"title,status,summary,setting,nation,therapy_areas,objectives,partners,outcomes\n"
    b"Inhaler reviews in Bolton,published,Practices reviewed inhalers.,primary,england,"
    b'respiratory,Review 300 people.,"nhs | Bolton GP Federation | Nurses\nindustry | Example '
    b'Pharma | Funding",Reviews | people | | 300 | 2024 |\n'
    b"Kidney checks in Bury,draft,Pharmacists checked kidneys.,primary,england,renal,"
    b"Check 200 people.,nhs | Bury PCN | Pharmacists,\n"
)
READINGS = b"period,value,note\n2024-01-01,41,\n2024-02-01,43,\n2024-03-01,44.5,checked\n"


def serving(
    logs: Path, name: str, **hold: str
) -> contextlib.AbstractContextManager[tuple[str, Process]]:
    app = "tests.faults.holding_wsgi:application" if hold else "triplewin.config.wsgi"
    return gunicorn(
        env=app_env(**hold), log_dir=logs, name=name, app=app, args=("--timeout", "900")
    )


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
    user: Any
    hold_at: int = 1


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
        user=nhs_lead,
    )


def _pid_approval(version: Any, nhs_lead: Any) -> Write:
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
        user=nhs_lead,
    )


def _case_study_import() -> Write:
    staff = factories.two_factor(
        User.objects.create_user("librarian@example.test", password="x" * 20, is_staff=True)
    )
    return Write(
        name="case study import",
        page="/library/import/",
        action="/library/import/",
        fields={},
        files={"file": ("studies.csv", CASE_STUDIES)},
        audit_action="case_study.created",
        count=lambda: CaseStudy.objects.count(),
        expected=2,
        success="Imported 2 case studies.",
        user=staff,
        # Held after the second study's rows: the first is complete, the second half done.
        hold_at=2,
    )


@pytest.fixture(params=["kpi_import", "pid_approval", "case_study_import"])
def write(request: pytest.FixtureRequest, nhs_lead: Any) -> Write:
    if request.param == "kpi_import":
        return _kpi_import(request.getfixturevalue("project"), nhs_lead)
    if request.param == "pid_approval":
        return _pid_approval(request.getfixturevalue("submitted"), nhs_lead)
    return _case_study_import()


def test_killed_in_the_middle_of_a_write(
    write: Write, logs: Path, tmp_path: Path, record_fault: Callable[..., None]
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
        browser = Browser(site, write.user)
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
        browser = Browser(site, write.user)
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
