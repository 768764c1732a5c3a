"""Nothing reads NHS-only records around the visibility engine.

Outside the KPI app, KPIs, their measurements and criteria are read through
`partnerships.visibility`; a project's audit events are read only through it. A new page,
export or email that reads them directly fails here, before it can leak.
"""

from __future__ import annotations

import re
from pathlib import Path

import triplewin

ROOT = Path(triplewin.__file__).parent
ENGINE = "partnerships/visibility.py"

KPI_READS = re.compile(
    r"\b(Kpi|Measurement|CompositeCriterion|CriterionCondition)\.objects\b"
    r"|\.kpis\.(all|filter|exclude|count)\(|\.kpi_criteria\b|\.measurements\."
)
AUDIT_READS = re.compile(r"\bAuditEvent\.objects\b")


def _sources() -> list[tuple[str, str]]:
    return [
        (path.relative_to(ROOT).as_posix(), path.read_text())
        for path in sorted(ROOT.rglob("*.py"))
        if "tests" not in path.parts and "migrations" not in path.parts
    ]


def test_kpi_records_are_read_outside_the_kpi_app_only_through_the_engine() -> None:
    offending = [
        name
        for name, text in _sources()
        if KPI_READS.search(text) and not name.startswith(("kpis/", "demo/")) and name != ENGINE
    ]
    assert offending == []


def test_audit_events_are_read_only_through_the_engine() -> None:
    offending = [
        name
        for name, text in _sources()
        # The audit app itself reads every event to verify and export the chain (ADR 0012).
        if AUDIT_READS.search(text) and name != ENGINE and not name.startswith("audit/")
    ]
    assert offending == []


def test_the_guards_see_a_direct_read() -> None:
    assert KPI_READS.search("rows = Kpi.objects.filter(project=project)")
    assert KPI_READS.search("project.kpis.all()")
    assert AUDIT_READS.search("AuditEvent.objects.for_project(project.pk)")
    assert not AUDIT_READS.search("ProjectEditForm.for_project(project)")
