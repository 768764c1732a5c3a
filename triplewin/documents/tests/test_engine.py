"""Every framework document through the engine: content, versions, all three outputs."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import docx
import pytest
from django.utils import timezone

from triplewin.core.documents.model import Status
from triplewin.core.documents.normalise import content_hash
from triplewin.documents import services
from triplewin.documents.kinds import KINDS, kind_for
from triplewin.documents.models import CertifiedCopy, DocumentVersion
from triplewin.documents.render.docx import render_docx
from triplewin.documents.render.pdf import render_pdf
from triplewin.documents.selectors import document_of, status_of
from triplewin.documents.services.copies import view_of
from triplewin.documents.tests.conftest import docx_paragraphs, pdf_text
from triplewin.meetings.services import schedule as meeting_services
from triplewin.partnerships.models import Project
from triplewin.pid.tests.builders import PID_TEXT
from triplewin.plans import services as plan_services
from triplewin.team.models import TeamMember

pytestmark = pytest.mark.django_db


def outputs(project: Any, version: DocumentVersion) -> tuple[list[tuple[str, str]], str]:
    view = view_of(project, version)
    return docx_paragraphs(render_docx(view)), pdf_text(render_pdf(view))


def test_the_pid_document_reads_as_the_pid_in_word_and_pdf(submitted: Any, nhs_lead: Any) -> None:
    project = submitted.project
    version, created = services.document_generate(actor=nhs_lead, project=project, document="pid")
    assert created
    assert version.source_hash == submitted.content_hash
    assert status_of(kind_for("pid"), project, version).status is Status.SUBMITTED  # type: ignore[arg-type]
    paragraphs, text = outputs(project, version)
    headings = {t for style, t in paragraphs if style == "Heading 1"}
    assert {"Success criteria", "Exit strategy and responsibilities on termination"} <= headings
    assert ("Title", "Project Initiation Document") in paragraphs
    values = {t for _, t in paragraphs}
    assert PID_TEXT["success_what"] in values
    assert version.content_hash in values
    flat = " ".join(text.split())
    assert "Success criteria" in flat
    assert PID_TEXT["exit_strategy"] in flat
    assert "Page 1 of" in flat
    assert "Version 1 · Submitted" in flat  # running header


def test_the_word_file_numbers_its_pages_with_word_fields(submitted: Any, nhs_lead: Any) -> None:
    version, _ = services.document_generate(
        actor=nhs_lead, project=submitted.project, document="pid"
    )
    document = docx.Document(io.BytesIO(render_docx(view_of(submitted.project, version))))
    footer_xml = document.sections[0].footer._element.xml
    assert " PAGE " in footer_xml
    assert " NUMPAGES " in footer_xml
    assert all(t.style is not None and t.style.name == "Table Grid" for t in document.tables)


def test_generating_twice_without_changes_makes_no_new_version(
    submitted: Any, nhs_lead: Any
) -> None:
    first, _ = services.document_generate(actor=nhs_lead, project=submitted.project, document="pid")
    again, created = services.document_generate(
        actor=nhs_lead, project=submitted.project, document="pid"
    )
    assert (again.pk, created) == (first.pk, False)


def test_a_pid_signed_off_in_its_own_app_is_recorded_and_frozen(approved: Any) -> None:
    recorded = services.document_sync(project=approved)
    # The concept was approved by both partners on the way, so it is recorded too.
    assert sorted(v.document for v in recorded) == ["concept", "pid"]
    assert services.document_sync(project=approved) == []  # idempotent
    [version] = [v for v in recorded if v.document == "pid"]
    row = status_of(kind_for("pid"), approved, version)  # type: ignore[arg-type]
    assert row.status is Status.APPROVED
    copy = services.certified_copy_for(project=approved, version=version)
    assert copy is not None
    assert copy.content_hash == version.content_hash
    # Re-rendering the certified version reproduces its content hash; the kept file stays.
    assert content_hash(document_of(version)) == version.content_hash
    assert services.certified_copy_for(project=approved, version=version) == copy
    text = " ".join(pdf_text(bytes(copy.pdf)).split())
    # The sign-off record names the certification and every body's approval, by name only.
    assert "Sign-off record" in text
    assert "Certified on" in text
    assert "approved by every required body" in text
    assert "Approved by" in text
    assert "Governance committee of" in text
    assert "@" not in text.split("Sign-off record", 1)[1]
    assert version.content_hash[:20] in text.replace(" ", "")


def test_the_concept_document_holds_each_partner_and_contribution(
    project: Any, nhs_lead: Any
) -> None:
    from tests import factories

    factories.ready_for_approval(project, nhs_lead)
    version, _ = services.document_generate(actor=nhs_lead, project=project, document="concept")
    paragraphs, text = outputs(project, version)
    values = {t for _, t in paragraphs}
    assert factories.CONCEPT_TEXT["objectives"] in values
    assert "Test Pharma Ltd" in values
    assert "Quarter 2 2027" in values
    assert "Project Concept Framework" in text
    # Issue 13 items 1 and 10: the expected effect on prescribing sits with the benefits to
    # industry, and the checklist as answered is part of what the partners approve.
    assert factories.CONCEPT_TEXT["expected_prescribing_effect"] in values
    assert "Classification checklist as answered" in text
    assert "Are outcomes for patients among the outcomes that will be measured?" in values
    assert status_of(kind_for("concept"), project, version).status is Status.DRAFT  # type: ignore[arg-type]


def test_the_outcomes_summary_marks_every_unwritten_part(project: Any, nhs_lead: Any) -> None:
    version, _ = services.document_generate(actor=nhs_lead, project=project, document="outcomes")
    paragraphs, text = outputs(project, version)
    assert sum(1 for _, t in paragraphs if t == "Not yet completed") == 15
    assert "Not yet completed" in text
    assert ("Heading 1", "Outcomes (incomplete)") in paragraphs


def test_the_outcomes_summary_names_the_evaluator(project: Any, nhs_lead: Any) -> None:
    # Issue 13 §17: the evaluator, from the evaluation plan, is shown on the summary.
    Project.objects.filter(pk=project.pk).update(state="setup")
    plan_services.plan_entry_add(
        actor=nhs_lead,
        project=project,
        plan="evaluation",
        fields={
            "evaluator": "University of Example evaluation unit",
            "independence": "independent",
            "methods": "Interrupted time series of admissions.",
            "reporting": "",
        },
    )
    version, _ = services.document_generate(actor=nhs_lead, project=project, document="outcomes")
    paragraphs, _ = outputs(project, version)
    assert (
        "University of Example evaluation unit. Independence: Independent of every partner, "
        "such as a university. Methods: Interrupted time series of admissions."
    ) in {t for _, t in paragraphs}


def test_minutes_and_status_report_use_the_same_engine(complete_pid: Any, nhs_lead: Any) -> None:
    project = complete_pid
    meeting = meeting_services.meeting_create(
        actor=nhs_lead,
        project=project,
        title="First steering meeting",
        kind="steering",
        scheduled_for=timezone.localdate() - dt.timedelta(days=1),
    )
    members = TeamMember.objects.active().filter(project=project)
    meeting_services.attendance_record(
        actor=nhs_lead,
        meeting=meeting,
        expected_version=None,
        statuses={m.pk: "present" for m in members},
    )
    meeting_services.meeting_mark_held(actor=nhs_lead, meeting=meeting, expected_version=None)
    key = f"minutes-{meeting.pk}"
    assert key in {s.key for s in kind_for(key).subjects(project)}  # type: ignore[union-attr]
    minutes, _ = services.document_generate(actor=nhs_lead, project=project, document=key)
    paragraphs, text = outputs(project, minutes)
    assert ("Title", "Minutes") in paragraphs
    assert "First steering meeting (Project team (steering committee))" in {
        t for _, t in paragraphs
    }
    assert "Attendance" in text
    report, _ = services.document_generate(
        actor=nhs_lead, project=project, document="status-report"
    )
    paragraphs, text = outputs(project, report)
    assert ("Heading 1", "Open risks") in paragraphs
    assert "No risks are open." in text


def test_every_kind_renders_for_a_bare_project(project: Any, nhs_lead: Any) -> None:
    for kind in KINDS:
        for subject in kind.subjects(project):
            snapshot = kind.current(project, subject.key)
            assert snapshot.document.title == kind.definition.title
            assert snapshot.document.project == project.title


def test_unknown_documents_are_refused(project: Any, nhs_lead: Any) -> None:
    from django.core.exceptions import ValidationError

    for bad in ("nothing", "minutes-999", "pid-1", "minutes-" + "9" * 30):
        with pytest.raises(ValidationError):
            services.document_generate(actor=nhs_lead, project=project, document=bad)
    assert not CertifiedCopy.objects.exists()
