"""Signed copies: real PDFs only, stored privately, immutable, audited."""

from __future__ import annotations

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from triplewin.agreement import services
from triplewin.agreement.models import SignedCopy
from triplewin.agreement.tests.conftest import move_to, pdf_bytes
from triplewin.audit.models import AuditEvent, ImmutableRecord

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64


def _upload(actor, project, content, name="signed.pdf"):
    return services.signed_copy_upload(
        actor=actor,
        project=project,
        upload=SimpleUploadedFile(name, content, content_type="application/pdf"),
    )


def _stored_files(root):
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_a_valid_pdf_is_stored_privately_and_audited(parties, in_setup, nhs_lead, private_root):
    content = pdf_bytes()
    copy = _upload(nhs_lead, in_setup, content, name="../../Signed agreement.pdf")
    assert copy.original_name == "Signed agreement.pdf"
    assert copy.sha256 == hashlib.sha256(content).hexdigest()
    assert copy.size == len(content)
    assert copy.uploaded_by == nhs_lead
    files = _stored_files(private_root)
    assert len(files) == 1
    assert files[0].read_bytes() == content
    assert files[0].is_relative_to(private_root)
    event = AuditEvent.objects.get(action="agreement.signed_copy_uploaded")
    assert event.changes["sha256"] == [None, copy.sha256]


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (PNG, "scan.pdf", "The file is not a PDF"),
        (b"I, the undersigned, agree.", "agreement.pdf", "The file is not a PDF"),
        (b"", "empty.pdf", "The file is empty"),
        (b"%PDF-1.4\nbroken", "broken.pdf", "could not be opened"),
        (pdf_bytes(password="secret"), "locked.pdf", "protected by a password"),
    ],
)
def test_files_that_are_not_usable_pdfs_are_refused(
    parties, in_setup, nhs_lead, private_root, content, name, message
):
    with pytest.raises(ValidationError) as refused:
        _upload(nhs_lead, in_setup, content, name=name)
    assert message in refused.value.message_dict["file"][0]
    assert not SignedCopy.objects.exists()
    assert _stored_files(private_root) == []


def test_oversized_file_is_refused(parties, in_setup, nhs_lead, settings):
    content = pdf_bytes() + b"%" * settings.MAX_UPLOAD_BYTES
    with pytest.raises(ValidationError) as refused:
        _upload(nhs_lead, in_setup, content)
    assert "larger than 10 MB" in refused.value.message_dict["file"][0]
    assert not SignedCopy.objects.exists()


def test_an_agreement_must_exist_first(in_setup, nhs_lead):
    with pytest.raises(ValidationError) as refused:
        _upload(nhs_lead, in_setup, pdf_bytes())
    assert "Record the agreement" in refused.value.messages[0]


def test_uploads_only_while_the_agreement_is_editable(parties, in_setup, nhs_lead):
    move_to(in_setup, "in_delivery")
    with pytest.raises(ValidationError):
        _upload(nhs_lead, in_setup, pdf_bytes())
    assert not SignedCopy.objects.exists()


def test_copies_are_immutable(parties, in_setup, nhs_lead):
    copy = _upload(nhs_lead, in_setup, pdf_bytes())
    copy.original_name = "swapped.pdf"
    with pytest.raises(ImmutableRecord):
        copy.save()
    with pytest.raises(ImmutableRecord):
        copy.delete()
    second = _upload(nhs_lead, in_setup, pdf_bytes(pages=2))
    assert second.stored_name != copy.stored_name
    assert SignedCopy.objects.count() == 2
