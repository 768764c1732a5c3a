"""Document rendering benchmark: a full PID as Word and as PDF.

`run()` returns report lines for benchmarks/run.py to print and raises SystemExit when a
target is missed; `python -m benchmarks.documents` runs it alone. The PID is a realistic one
(every section written, a team, committees, contributions, four set-up plans of several
entries) built in memory, so the timings cover rendering only: python-docx for Word and
WeasyPrint for the PDF, each from the same presenter the views use.
Targets, p95 on the bench machine: Word under 150 ms, PDF under 1.5 s.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from triplewin.documents.presenters import DocumentView

RUNS = int(os.environ.get("BENCH_DOCUMENT_RUNS", "20"))
DOCX_TARGET_MS = 150.0
PDF_TARGET_MS = 1500.0


def _ensure_django() -> None:
    import django
    from django.apps import apps

    if not apps.ready:
        from benchmarks.production import configure

        configure()
        django.setup()


def full_pid() -> DocumentView:
    """A complete PID as the engine sees it, with the volume of a real one."""
    from triplewin.core.documents.model import Document, Field, Section, Status
    from triplewin.core.documents.normalise import clean_document, content_hash
    from triplewin.documents.presenters import DocumentView

    para = (
        "The project team reviews progress monthly against the agreed success criteria and "
        "reports to each partner's governance committee; exceptions are escalated within a week."
    )
    sections = [
        Section(
            "project",
            "The project",
            (
                Field("title", "Title", "Finding undiagnosed heart failure in primary care"),
                Field("type", "Type of partnership", "Joint working"),
                Field("therapy_area", "Therapy area", "Cardiology"),
                Field("setting", "Where the idea came from", "Primary care"),
            ),
        ),
        Section(
            "partners",
            "Partners and stakeholders",
            (
                *(
                    Field(
                        f"p{i}",
                        f"Partner organisation {i}",
                        f"NHS partner. Named lead: Person {i}.",
                    )
                    for i in range(4)
                ),
                Field("key_stakeholders", "Other key stakeholders", para),
            ),
        ),
    ]
    for key, title in (
        ("purpose", "Purpose and objectives"),
        ("benefits", "Intended benefits"),
        ("success", "Success criteria"),
        ("governance", "Governance framework and methodology"),
        ("exit", "Exit strategy and responsibilities on termination"),
        ("confidentiality", "Confidentiality of patient information"),
    ):
        sections.append(
            Section(key, title, tuple(Field(f"{key}{i}", f"{title} {i}", para) for i in range(4)))
        )
    sections.append(
        Section(
            "team",
            "Project team",
            tuple(
                Field(
                    f"m{i}",
                    f"Team member {i}",
                    f"Role {i}. Organisation {i % 3}. Declared: no interests.",
                )
                for i in range(10)
            ),
        )
    )
    sections.append(
        Section(
            "contributions",
            "Contributions",
            tuple(
                Field(
                    f"c{i}", f"Organisation {i}: Staff time", f"Description: {para}\nValue: £20,000"
                )
                for i in range(6)
            ),
        )
    )
    sections.append(Section("plans", "Set-up plans", required=False))
    for plan in ("Stakeholder map", "Communications plan", "Data collection plan", "RACI chart"):
        sections.append(
            Section(
                plan.lower().replace(" ", "-"),
                plan,
                tuple(Field(f"{plan}{i}", f"Entry {i}", para) for i in range(6)),
                level=2,
            )
        )
    document = clean_document(
        Document("pid", "Project Initiation Document", "Heart failure", tuple(sections))
    )
    digest = content_hash(document)
    return DocumentView(
        document,
        3,
        Status.APPROVED,
        digest,
        "Sam Signatory",
        None,
        reference="TW-0012-PID-v3",
        prepared_on=dt.date(2027, 3, 1),
        authors=("Northshire Integrated Care Board", "Acme Pharma UK Ltd"),
        record=sign_off_record(digest),
    )


def sign_off_record(digest: str) -> Any:
    """The whole record a certified, approved PID prints as its last section: the
    certification, the project team and each partner's governance committee (ADR 0026)."""
    from triplewin.core import signoff as engine

    partners = (
        (1, "Northshire Integrated Care Board"),
        (2, "Acme Pharma UK Ltd"),
        (3, "Northshire Hospitals NHS Trust"),
        (4, "Northshire GP Federation"),
    )
    at = dt.datetime(2027, 3, 2, 10, 30, tzinfo=dt.UTC)

    def act(kind: Any, body: Any, org: tuple[int, str] | None, role: Any, who: str) -> Any:
        return engine.ActRecord(
            act=kind,
            body=body,
            organisation_id=org[0] if org else None,
            organisation_name=org[1] if org else "",
            content_hash=digest,
            actor_id=None,
            actor_label=who,
            role=role.value,
            statement=f"{who} agreed to the Project Initiation Document (fingerprint {digest[:12]}).",
            reason="",
            at=at,
            version=3,
        )

    bodies = [engine.Body(engine.BodyKind.PROJECT_TEAM)] + [
        engine.Body(engine.BodyKind.GOVERNANCE_COMMITTEE, pk, name) for pk, name in partners
    ]
    acts = [
        act(
            engine.Act.CERTIFY,
            engine.BodyKind.PARTNER,
            partners[1],
            engine.Role.CERTIFICATION_SIGNATORY,
            "Sam Signatory",
        ),
        act(engine.Act.APPROVE, engine.BodyKind.PROJECT_TEAM, None, engine.Role.CHAIR, "Pat Chair"),
        *(
            act(
                engine.Act.APPROVE,
                engine.BodyKind.GOVERNANCE_COMMITTEE,
                org,
                engine.Role.COMMITTEE_MEMBER,
                f"Committee member {org[0]}",
            )
            for org in partners
        ),
    ]
    return engine.evaluate(
        engine.requirements_for("pid"), bodies, acts, content_hash=digest, live_hash=digest
    )


def _time(render: Callable[[], bytes]) -> tuple[float, float]:
    render()  # warm fonts, styles and templates
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        render()
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[max(0, round(0.95 * len(timings)) - 1)]


def run() -> list[str]:
    _ensure_django()
    from triplewin.documents.render.docx import render_docx
    from triplewin.documents.render.pdf import render_pdf

    view = full_pid()
    results = {
        "PID as Word": (_time(lambda: render_docx(view)), DOCX_TARGET_MS),
        "PID as PDF": (_time(lambda: render_pdf(view)), PDF_TARGET_MS),
    }
    lines = [
        f"\nDocument rendering ({RUNS} runs each)\n",
        f"{'output':<14}{'p50 ms':>10}{'p95 ms':>10}{'target':>10}",
    ]
    failed = []
    for name, ((p50, p95), target) in results.items():
        lines.append(f"{name:<14}{p50:>10.1f}{p95:>10.1f}{target:>10.0f}")
        if p95 > target:
            failed.append(f"{name}: p95 {p95:.0f} ms exceeds {target:.0f} ms")
    if failed:
        raise SystemExit("\n".join([*lines, *failed]))
    return lines


if __name__ == "__main__":
    from benchmarks.production import print_report

    print_report(run())
    sys.exit(0)
