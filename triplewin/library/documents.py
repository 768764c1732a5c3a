"""The 'ABPI submission': one Word document per case study, with real Word headings.

It follows what the ABPI's NHS-industry case study library asks of a submission: the partners
and what each contributed, the type of arrangement, therapy area and geography, dates, the
challenge, objectives and approach, outcomes for patients and the NHS, what happened afterwards
and the lessons for others.

Every piece of stored text passes through `safe_text` on its way in: Word cannot hold control
characters, and an NHS number recorded before the input guard existed is masked.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from django.utils import timezone
from docx import Document

from triplewin.core.dates import long_date
from triplewin.core.input_guard import safe_text
from triplewin.core.library import vocabulary as vocab
from triplewin.library.models import CaseStudy
from triplewin.library.presenters import CaseStudyPresenter

HEADINGS = (
    "Partner organisations",
    "Project details",
    "Background and challenge",
    "Objectives",
    "What the partners did",
    "Outcomes",
    "Health inequalities",
    "What happened next",
    "Lessons learnt and barriers overcome",
    "Sources and further information",
)


def _table(document: Any, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = safe_text(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = safe_text(text)


def _text(document: Any, value: str, empty: str = "Not recorded.") -> None:
    for paragraph in safe_text(value or empty).split("\n\n"):
        document.add_paragraph(paragraph.strip())


def abpi_submission(case_study: CaseStudy) -> bytes:
    c = CaseStudyPresenter(case_study)
    cs = case_study
    document = Document()
    document.core_properties.title = safe_text(cs.title)
    document.core_properties.subject = "ABPI NHS-industry partnership case study submission"
    document.add_heading(safe_text(cs.title), level=0)
    _text(document, cs.summary, empty="")

    document.add_heading(HEADINGS[0], level=1)
    _table(
        document,
        ("Organisation", "Sector", "Role and contribution"),
        [(p.name, vocab.label(vocab.SECTORS, p.sector), p.contribution) for p in cs.parties.all()],
    )

    document.add_heading(HEADINGS[1], level=1)
    rows = [(row.label, row.value) for row in c.summary_rows() if row.label != "Partners"]
    _table(document, ("Field", "Value"), rows)

    document.add_heading(HEADINGS[2], level=1)
    _text(document, cs.background)
    document.add_heading(HEADINGS[3], level=1)
    _text(document, cs.objectives)
    document.add_heading(HEADINGS[4], level=1)
    _text(document, cs.what_was_done)

    document.add_heading(HEADINGS[5], level=1)
    outcomes = c.outcome_rows()
    if outcomes:
        _table(
            document,
            ("Measure", "Before", "After", "Change", "Period", "Notes"),
            [(o.measure, o.before, o.after, o.change, o.period, o.narrative) for o in outcomes],
        )
    _text(document, cs.outcomes_narrative, empty="" if outcomes else "Not recorded.")

    document.add_heading(HEADINGS[6], level=1)
    _text(
        document,
        cs.inequalities_how if cs.inequalities_focus else "",
        empty="Health inequalities were not a stated focus." if not cs.inequalities_focus else "",
    )

    document.add_heading(HEADINGS[7], level=1)
    _text(document, c.next_step, empty="")
    _text(document, cs.what_happened_next_detail, empty="")

    document.add_heading(HEADINGS[8], level=1)
    lessons = c.lessons()
    if not lessons:
        document.add_paragraph("None recorded.")
    for barrier, lesson, how in lessons:
        text = f"{barrier}: {lesson}" if barrier else lesson
        paragraph = document.add_paragraph(safe_text(text), style="List Bullet")
        if how:
            paragraph.add_run(safe_text(f" How it was overcome: {how}"))

    document.add_heading(HEADINGS[9], level=1)
    for source in cs.sources.all():
        document.add_paragraph(
            safe_text(f"{source.title}: {source.url}" if source.title else source.url),
            style="List Bullet",
        )
    document.add_paragraph(
        f"Prepared with Triple Win on {long_date(timezone.localdate())}. "
        f"Status in the library: {cs.get_status_display().lower()}."
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
