"""Every document prints its sign-off record from the engine (issue 14, ADR 0024 and 0026).

Each approval path must show up in the PDF and in the Word file, read back as text: the
certification with the signatory's name, role and date, each required body's decision, what is
still outstanding, and "changed since sign-off" once the content moves on, as the page and the
rules say.
"""

from __future__ import annotations

import hashlib
import io
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from triplewin.core.rules import RULES_BY_ID, Outcome
from triplewin.documents import services
from triplewin.documents.models import CertifiedCopy
from triplewin.documents.render.docx import render_docx
from triplewin.documents.render.pdf import render_pdf
from triplewin.documents.selectors import versions_of
from triplewin.documents.services.copies import view_of
from triplewin.documents.tests.conftest import pdf_text
from triplewin.documents.tests.test_heads_of_terms import fill
from triplewin.documents.verification import match_file_hash
from triplewin.partnerships.facts import build_facts
from triplewin.pid import services as pid_services
from triplewin.pid.presenters.overview import PidPresenter

pytestmark = pytest.mark.django_db


def _word_text(content: bytes) -> str:
    """The Word file's body text in reading order, tables where they stand."""
    body = docx.Document(io.BytesIO(content)).element.body
    return " ".join(t.text or "" for t in body.iter(qn("w:t")))


def _texts(project: Any, version: Any) -> tuple[str, str]:
    """The PDF's and the Word file's text, each squeezed onto one line."""
    view = view_of(project, version)
    pdf = " ".join(pdf_text(render_pdf(view)).split())
    word = " ".join(_word_text(render_docx(view)).split())
    return pdf, word


def _record(text: str) -> str:
    assert "Sign-off record" in text
    return text.split("Sign-off record", 1)[1]


def _named(user: Any, first: str, last: str) -> Any:
    user.first_name, user.last_name = first, last
    user.save()
    return user


def _pid_version(project: Any) -> Any:
    services.document_sync(project=project)
    return versions_of(project, "pid")[-1]


def test_a_signed_off_pid_names_the_signatory_and_every_body_in_both_files(
    approved: Any, signatory: Any, nhs_lead: Any, committees: Any
) -> None:
    project = approved
    version = _pid_version(project)
    for text in _texts(project, version):
        record = _record(text)
        # The title block says where sign-off stands, in the engine's words.
        assert "Certified on" in text
        assert "approved by every required body" in text
        assert f"Certified by {signatory.get_full_name()} (Certification signatory)" in record
        assert "I have examined the final form of version 1 of the Project Initiation" in record
        assert f"Approved by {nhs_lead.get_full_name()} (Chair of the project team)" in record
        for organisation, member in committees.items():
            assert f"Governance committee of {organisation.name}" in record
            assert f"Approved by {member.get_full_name()}" in record
        assert "Everything this Project Initiation Document needs was given" in record
        assert "Still needed" not in record
        # Documents name people; the audit trail keeps their addresses, the paper does not.
        assert "@" not in record


def test_a_certified_pid_says_in_words_which_approvals_are_outstanding(
    submitted: Any, signatory: Any, nhs_lead: Any, committees: Any
) -> None:
    project = submitted.project
    _named(signatory, "Jane", "Smith")
    pid_services.pid_certify(actor=signatory, project=project, version_number=1)
    pid_services.pid_decide(
        actor=nhs_lead,
        project=project,
        version_number=1,
        body="project_team",
        organisation=None,
        decision="approve",
    )
    organisation, member = next(iter(committees.items()))
    pid_services.pid_decide(
        actor=member,
        project=project,
        version_number=1,
        body="governance_committee",
        organisation=organisation,
        decision="reject",
        reason="The exit plan leaves patients without follow-up.",
    )
    version = _pid_version(project)
    view = view_of(project, version)
    assert view.footer_status == "Certified · approvals outstanding"
    pdf, _ = _texts(project, version)
    assert "Certified · approvals outstanding" in pdf  # every page's footer
    for text in _texts(project, version):
        record = _record(text)
        assert "Certified by Jane Smith (Certification signatory)" in record
        assert f"Rejected by {member.get_full_name()}" in record
        assert "Reason given: The exit plan leaves patients without follow-up." in record
        assert f"approval by the governance committee of {organisation.name} (rejected)" in record
        others = [o for o in committees if o != organisation]
        assert all(f"approval by the governance committee of {o.name}" in record for o in others)
        assert "No decision yet." in record


def test_an_edit_after_sign_off_reads_changed_since_on_the_page_the_rule_and_the_document(
    approved: Any, nhs_lead: Any
) -> None:
    project = approved
    signed = _pid_version(project)
    pid_services.pid_save(
        actor=nhs_lead,
        project=project,
        fields={"patient_confidentiality": "Counts only, never names."},
        expected_version=None,
    )
    pid_services.pid_submit(actor=nhs_lead, project=project, note="Tighter wording")
    later, _ = services.document_generate(actor=nhs_lead, project=project, document="pid")
    assert later.number == signed.number + 1
    assert PidPresenter(project).status.text == "Changed since approval"
    assert RULES_BY_ID["PID-APPROVED"].check(build_facts(project)).outcome is Outcome.FAIL
    view = view_of(project, later)
    assert view.changed_since == signed.number
    assert view.footer_status == "Not signed off · changed since sign-off"
    for text in _texts(project, later):
        assert f"Changed since sign-off: version {signed.number} was signed off" in text
        assert "Still needed: certification by the certification signatory" in text
    # The version that was signed off still says so, and nothing about a change.
    for text in _texts(project, signed):
        assert "Changed since sign-off" not in text
        assert "approved by every required body" in text


def test_each_partner_s_decision_on_the_concept_is_in_its_document(approved: Any) -> None:
    project = approved
    services.document_sync(project=project)
    [version] = versions_of(project, "concept")
    for text in _texts(project, version):
        record = _record(text)
        for partner in project.partners.select_related("organisation"):
            assert f"{partner.organisation.name} Approved by" in record
        assert "Decision of each partner" not in text  # the empty content section is gone


def test_heads_of_terms_keep_a_copy_per_state_of_the_record_and_each_verifies(
    agreement_project: Any, nhs_lead: Any, signatory: Any, governance_member: Any
) -> None:
    project = agreement_project
    fill(project, nhs_lead)
    version, _ = services.document_generate(actor=nhs_lead, project=project, document="agreement")
    services.document_certify(actor=signatory, project=project, document="agreement", number=1)
    first = CertifiedCopy.objects.get(version=version)
    assert "Still needed" in pdf_text(bytes(first.pdf))
    for approver in (nhs_lead, governance_member):
        services.document_approve(actor=approver, project=project, document="agreement", number=1)
    final = services.certified_copy_for(project=project, version=version)
    assert final is not None
    assert final.pk != first.pk
    text = " ".join(pdf_text(bytes(final.pdf)).split())
    assert "Still needed" not in _record(text)
    assert f"Approved by {governance_member.get_full_name()}" in text
    # Asked again, the same record gives the same kept file; the first copy still verifies.
    assert services.certified_copy_for(project=project, version=version) == final
    assert CertifiedCopy.objects.filter(version=version).count() == 2
    for copy in (first, final):
        match = match_file_hash(hashlib.sha256(bytes(copy.pdf)).hexdigest())
        assert match is not None
        assert match.version == 1


def test_a_document_nobody_signs_off_has_no_record(approved: Any, nhs_lead: Any) -> None:
    project = approved
    services.document_sync(project=project)
    version, _ = services.document_generate(actor=nhs_lead, project=project, document="scoping")
    for text in _texts(project, version):
        assert "Sign-off record" not in text
