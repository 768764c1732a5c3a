"""Heads of terms: every required clause, placeholders, certification and verification."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from triplewin.agreement.clauses import required_clauses
from triplewin.agreement.services import agreement_save, party_add
from triplewin.audit.models import AuditEvent
from triplewin.documents import services
from triplewin.documents.models import CertifiedCopy
from triplewin.documents.render.docx import render_docx
from triplewin.documents.render.pdf import render_pdf
from triplewin.documents.services.copies import view_of
from triplewin.documents.tests.conftest import HOSTILE, docx_paragraphs, pdf_text
from triplewin.documents.verification import match_file_hash, match_hash

pytestmark = pytest.mark.django_db

CLAUSES = {
    "term_months": 18,
    "benefits": "Earlier diagnosis for patients; fewer admissions; better pathway insight.",
    "financial_arrangements": "The company funds the search tool; the trust gives nurse time.",
    "roles_responsibilities": "As in the PID's RACI chart.",
    "success_measures": "Reviews completed, measured monthly by the project analyst.",
    "publication_plans": "Executive summary before start; outcomes within six months.",
    "formulary_position": "The medicines involved are already on the local formulary.",
    "contingency": "The project team re-plans if a partner cannot deliver.",
    "dispute_resolution": "Escalation to the directors, then mediation.",
    "exit_criteria": "Either party may leave on three months' notice.",
    "confidentiality": "No identifiable patient data leaves the NHS.",
    "anti_bribery": "Each party complies with the Bribery Act 2010; nothing is an inducement.",
    "clinical_independence": "Clinicians alone decide each patient's treatment.",
    "non_promotional": "No promotion or sales staff; the project is kept apart from marketing.",
    "competition_confidentiality": "Competition law is followed; commercial data stays private.",
    "code_breach_acknowledged": True,
}


def fill(project: Any, actor: Any, **overrides: Any) -> None:
    """Every clause written and every partner named as a party with its signatory."""
    fields = {**CLAUSES, "agreement_date": timezone.localdate(), **overrides}
    agreement_save(actor=actor, project=project, fields=fields, expected_version=None)
    if not overrides:
        for partner in project.partners.select_related("organisation"):
            party_add(
                actor=actor,
                project=project,
                organisation=partner.organisation,
                signatory_name=f"Signer for {partner.organisation.name}",
                signatory_job_title="Director",
            )


def test_every_required_clause_is_present_with_placeholders(
    agreement_project: Any, nhs_lead: Any
) -> None:
    version, _ = services.document_generate(
        actor=nhs_lead, project=agreement_project, document="agreement"
    )
    content = render_docx(view_of(agreement_project, version))
    paragraphs = docx_paragraphs(content)
    headings = [t for style, t in paragraphs if style == "Heading 1"]
    for clause in required_clauses(involves_medicines=True):
        assert f"{clause.name} (incomplete)" in headings
    placeholders = [t for _, t in paragraphs if t.startswith("[To be agreed: ")]
    assert len(placeholders) == len(required_clauses(involves_medicines=True)) + 2  # + 2 parties
    import io

    import docx
    from docx.enum.text import WD_COLOR_INDEX

    highlighted = [
        run.text
        for table in docx.Document(io.BytesIO(content)).tables
        for row in table.rows
        for cell in row.cells
        for p in cell.paragraphs
        for run in p.runs
        if run.font.highlight_color == WD_COLOR_INDEX.YELLOW
    ]
    assert sorted(highlighted) == sorted(placeholders)
    text = " ".join(pdf_text(render_pdf(view_of(agreement_project, version))).split())
    assert "[To be agreed: How disagreements between the parties are raised" in text


def test_certifying_with_open_clauses_is_refused_with_the_list(
    agreement_project: Any, nhs_lead: Any, signatory: Any
) -> None:
    version, _ = services.document_generate(
        actor=nhs_lead, project=agreement_project, document="agreement"
    )
    with pytest.raises(ValidationError, match="Dispute resolution: Dispute resolution"):
        services.document_certify(
            actor=signatory, project=agreement_project, document="agreement", number=version.number
        )
    assert not CertifiedCopy.objects.exists()


def test_only_a_signatory_certifies_and_only_deciders_approve(
    agreement_project: Any, nhs_lead: Any, signatory: Any, governance_member: Any, oversight: Any
) -> None:
    fill(agreement_project, nhs_lead)
    version, _ = services.document_generate(
        actor=nhs_lead, project=agreement_project, document="agreement"
    )
    for someone in (nhs_lead, oversight):
        with pytest.raises(ValidationError, match="certification signatory"):
            services.document_certify(
                actor=someone, project=agreement_project, document="agreement", number=1
            )
    with pytest.raises(ValidationError, match="after the certification"):
        services.document_approve(
            actor=nhs_lead, project=agreement_project, document="agreement", number=1
        )
    services.document_certify(
        actor=signatory, project=agreement_project, document="agreement", number=1
    )
    with pytest.raises(ValidationError, match="decide for a partner"):
        services.document_approve(
            actor=oversight, project=agreement_project, document="agreement", number=1
        )
    services.document_approve(
        actor=nhs_lead, project=agreement_project, document="agreement", number=1
    )
    services.document_approve(
        actor=governance_member, project=agreement_project, document="agreement", number=1
    )
    view = view_of(agreement_project, version)
    assert view.status.value == "approved"
    actions = set(
        AuditEvent.objects.filter(project_id=agreement_project.pk).values_list("action", flat=True)
    )
    assert {
        "document.version_generated",
        "document.certified",
        "document.approved",
        "document.copy_frozen",
    } <= actions


def test_the_certified_pdf_is_frozen_and_verifiable_drafts_are_not(
    agreement_project: Any, nhs_lead: Any, signatory: Any
) -> None:
    fill(agreement_project, nhs_lead)
    version, _ = services.document_generate(
        actor=nhs_lead, project=agreement_project, document="agreement"
    )
    services.document_certify(
        actor=signatory, project=agreement_project, document="agreement", number=1
    )
    copy = CertifiedCopy.objects.get(version=version)
    pdf = bytes(copy.pdf)
    assert copy.pdf_sha256 == hashlib.sha256(pdf).hexdigest()
    text = " ".join(pdf_text(pdf).split())
    assert "Certified on" in text
    assert "Signatory Tester" in text
    match = match_file_hash(hashlib.sha256(pdf).hexdigest())
    assert match is not None
    assert (match.version, match.project, match.status) == (1, agreement_project.title, "Certified")
    assert match_hash(version.content_hash) is not None
    # A later draft is never confirmed, by content hash or by the file of its PDF.
    fill(agreement_project, nhs_lead, contingency="Changed after certification.")
    draft, _ = services.document_generate(
        actor=nhs_lead, project=agreement_project, document="agreement"
    )
    assert match_hash(draft.content_hash) is None
    assert (
        match_file_hash(hashlib.sha256(render_pdf(view_of(agreement_project, draft))).hexdigest())
        is None
    )
    # The certified copy is what it was; the later version does not alter it.
    assert bytes(CertifiedCopy.objects.get(version=version).pdf) == pdf


def test_hostile_text_is_safe_in_every_output(
    agreement_project: Any, nhs_lead: Any, client_for: Any
) -> None:
    fill(agreement_project, nhs_lead, benefits=HOSTILE)
    version, _ = services.document_generate(
        actor=nhs_lead, project=agreement_project, document="agreement"
    )
    view = view_of(agreement_project, version)
    words = {t for _, t in docx_paragraphs(render_docx(view))}
    benefits = next(t for t in words if t.startswith("<script>"))
    assert "مرحبا بالعالم" in benefits
    assert "\x07" not in benefits
    assert "🩺" in benefits
    text = pdf_text(render_pdf(view))
    assert "Bell and ESC are dropped" in " ".join(text.split())
    page = client_for("nhs_lead").get(
        f"/projects/{agreement_project.pk}/documents/agreement/versions/1/"
    )
    html = page.content.decode()
    assert "<script>alert('x')</script>" not in html
    assert "&lt;script&gt;alert(" in html
    assert 'dir="rtl"' not in html  # the value starts with Latin text, so it stays left-to-right


def test_the_pdf_fetches_nothing(agreement_project: Any, nhs_lead: Any) -> None:
    from triplewin.documents.render.pdf import FetchRefused, html_to_pdf, refuse_fetch

    with pytest.raises(FetchRefused):
        refuse_fetch("http://example.com/x.png")
    # An image the markup somehow named is simply not loaded; rendering still succeeds.
    pdf = html_to_pdf('<p>Before</p><img src="http://127.0.0.1:9/secret.png" alt="x"><p>After</p>')
    assert "Before" in pdf_text(pdf)


def test_control_characters_never_reach_word_or_pdf() -> None:
    from triplewin.core.documents.model import Document, Field, Section, Status
    from triplewin.core.documents.normalise import clean_document, content_hash
    from triplewin.documents.presenters import DocumentView

    raw = Document(
        "k", "Title", "P", (Section("s", "S", (Field("f", "F", "a\x00b\x0bc\ufffed"),)),)
    )
    document = clean_document(raw)
    view = DocumentView(document, 1, Status.DRAFT, content_hash(document))
    assert "abcd" in {t for _, t in docx_paragraphs(render_docx(view))}
    assert "abcd" in pdf_text(render_pdf(view))
