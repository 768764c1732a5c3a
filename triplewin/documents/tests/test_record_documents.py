"""The scoping guide, the checklist verdict and the lessons review as documents."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from tests import factories
from tests.roles import READ, matrix
from triplewin.core import checklist, principles, scoping_guide
from triplewin.documents import services
from triplewin.documents.render.docx import render_docx
from triplewin.documents.render.pdf import render_pdf
from triplewin.documents.services.copies import view_of
from triplewin.documents.tests.conftest import docx_paragraphs, pdf_text
from triplewin.learning.services import assessment as assessment_services
from triplewin.learning.services import review as review_services

pytestmark = pytest.mark.django_db

ENTRY = {
    "topic": "Recruiting practices",
    "principle": "project_management",
    "planned": "Twelve practices in the first quarter.",
    "happened": "Nine signed up by the end of the quarter.",
    "why": "Three practices were short of nurses over winter.",
    "sustain": "Visit each practice manager in person.",
    "improve": "Ask the training hub to cover nurse time.",
}


def outputs(project: Any, document: str, actor: Any) -> tuple[set[str], str]:
    version, _ = services.document_generate(actor=actor, project=project, document=document)
    view = view_of(project, version)
    words = {t for _, t in docx_paragraphs(render_docx(view))}
    return words, " ".join(pdf_text(render_pdf(view)).split())


def test_the_scoping_guide_lists_every_question_that_applies_with_its_answer(
    project: Any, nhs_lead: Any
) -> None:
    factories.ready_for_approval(project, nhs_lead)
    answers = factories.full_scoping_answers()
    words, text = outputs(project, "scoping", nhs_lead)
    assert "Scoping Decision Guide" in words
    for section in scoping_guide.SECTIONS:
        assert section.title in words
    first = scoping_guide.SECTIONS[0].questions[0]
    assert first.text in words
    assert answers[scoping_guide.SECTIONS[0].slug][first.id] in words
    assert first.text in text
    medicines_only = [q for q in scoping_guide.QUESTIONS if q.medicines_only]
    for q in medicines_only:
        assert (q.text in words) is project.involves_medicines


def test_an_unanswered_scoping_guide_is_marked_incomplete(project: Any, nhs_lead: Any) -> None:
    words, text = outputs(project, "scoping", nhs_lead)
    assert "Not yet completed" in words
    assert f"{scoping_guide.SECTIONS[0].title} (incomplete)" in words
    assert "Not yet completed" in text


def test_the_checklist_verdict_gives_its_reasons_and_every_answer(
    project: Any, nhs_lead: Any
) -> None:
    no_to_patients = {**factories.all_yes_checklist(), "no_inducement": "no"}
    factories.ready_for_approval(project, nhs_lead, checklist_answers=no_to_patients)
    words, text = outputs(project, "checklist", nhs_lead)
    question = checklist.QUESTIONS_BY_ID["no_inducement"]
    assert {"Verdict", "Reasons", "Red questions not met", "Every question as answered"} <= words
    assert question.text in words
    assert question.why in words  # the reason the question failed, under "not met"
    assert any(w.startswith("No\nRed question") for w in words)
    assert "Reason 1" in words
    assert "Red questions not met" in text
    assert question.text in text


def test_the_lessons_review_gives_each_entry_and_the_latest_self_assessment(
    project: Any, nhs_lead: Any
) -> None:
    review_services.review_entry_add(actor=nhs_lead, project=project, fields=ENTRY)
    day = timezone.localdate() - dt.timedelta(days=1)
    assessment_services.assessment_save(
        actor=nhs_lead,
        project=project,
        assessed_on=day,
        scores=dict.fromkeys(principles.SLUGS, 4),
        comments={},
    )
    words, text = outputs(project, "lessons", nhs_lead)
    assert "Recruiting practices" in words
    assert (
        "Principle: 8. Capable project management\n"
        "What was planned: Twelve practices in the first quarter.\n"
        "What happened: Nine signed up by the end of the quarter.\n"
        "Why: Three practices were short of nurses over winter.\n"
        "What to keep doing: Visit each practice manager in person.\n"
        "What to do differently: Ask the training hub to cover nurse time."
    ) in words
    first = principles.PRINCIPLES[0]
    assert f"{first.number}. {first.name}" in words
    assert any(w.startswith("Mean score 4.0 of 5 from 1 assessment on ") for w in words)
    assert "Nine signed up by the end of the quarter." in text


NEW = ("scoping", "checklist", "lessons")


@pytest.fixture
def with_versions(project: Any, nhs_lead: Any) -> Any:
    factories.ready_for_approval(project, nhs_lead)
    for document in NEW:
        services.document_generate(actor=nhs_lead, project=project, document=document)
    return project


@pytest.mark.parametrize(("role", "expected"), matrix(READ))
@pytest.mark.parametrize("document", NEW)
def test_each_role_reads_and_downloads_the_new_documents(
    client_for: Any, with_versions: Any, role: str, expected: int, document: str
) -> None:
    client = client_for(role)
    base = f"/projects/{with_versions.pk}/documents/{document}"
    responses = [
        client.get(f"{base}/"),
        client.get(f"{base}/versions/1/"),
        client.get(f"{base}/versions/1/pdf/"),
        client.get(f"{base}/versions/1/docx/"),
    ]
    assert [r.status_code for r in responses] == [expected] * 4
    if expected == 200:
        assert with_versions.title in responses[0].content.decode()
        assert f"TW-{with_versions.pk:04d}-" in pdf_text(responses[2].content)
        assert responses[3]["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.parametrize(
    ("role", "expected"),
    matrix(
        {
            "nhs_lead": 302,
            "industry_lead": 302,
            "governance_member": 403,
            "team_member": 403,
            "oversight": 403,
            "outsider": 404,
            "anonymous": 404,
        }
    ),
)
def test_only_partnership_leads_generate_a_version(
    client_for: Any, project: Any, nhs_lead: Any, role: str, expected: int
) -> None:
    response = client_for(role).post(f"/projects/{project.pk}/documents/lessons/generate/")
    assert response.status_code == expected
