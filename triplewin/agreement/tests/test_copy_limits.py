"""Hostile PDFs, uploaded by each role that may upload a signed copy: a message next to the
file, never a server error, nothing stored; and the PDF is read outside the transaction."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from tests import hostile_files as hostile
from triplewin.agreement import services
from triplewin.agreement.models import SignedCopy
from triplewin.agreement.pdf import pdf_problem
from triplewin.agreement.tests.conftest import pdf_bytes
from triplewin.core import uploads

TOO_COMPLEX = "The PDF is built in a way that would take too long to read"
FILES = [
    ("pages.pdf", hostile.pages_pdf(1_001), "The PDF has more than 1,000 pages."),
    ("understated.pdf", hostile.pages_pdf(2_500, count=1), TOO_COMPLEX),
    ("bomb.pdf", hostile.xref_bomb_pdf(), TOO_COMPLEX),
    ("nested.pdf", hostile.nested_pdf(), "The PDF could not be opened; it may be damaged."),
]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["nhs_lead", "industry_lead"])
@pytest.mark.parametrize(("name", "content", "message"), FILES, ids=[f[0] for f in FILES])
def test_a_hostile_pdf_gets_a_message_next_to_the_file(
    client_for: Any,
    parties: Any,
    in_setup: Any,
    private_root: Any,
    role: str,
    name: str,
    content: bytes,
    message: str,
) -> None:
    response = client_for(role).post(
        reverse("agreement:copy-upload", args=[in_setup.pk]),
        {"file": SimpleUploadedFile(name, content, content_type="application/pdf")},
    )
    assert response.status_code == 400
    assert message in hostile.error_next_to(response.content.decode())
    assert not SignedCopy.objects.exists()
    assert not (private_root / "agreements").exists()


@pytest.mark.django_db(transaction=True)
def test_the_pdf_is_read_before_the_transaction_opens(
    parties: Any, in_setup: Any, nhs_lead: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    pages = uploads.pdf_pages

    def watched(content: bytes) -> int:
        seen.append(connection.in_atomic_block)
        return pages(content)

    monkeypatch.setattr(uploads, "pdf_pages", watched)
    services.signed_copy_upload(
        actor=nhs_lead,
        project=in_setup,
        upload=SimpleUploadedFile("signed.pdf", pdf_bytes(), content_type="application/pdf"),
    )
    assert seen == [False]
    assert SignedCopy.objects.count() == 1


def test_a_damaged_pdf_does_not_flood_the_log(caplog: pytest.LogCaptureFixture) -> None:
    page = b"<< /Type /Page /Parent 2 0 R /X " + b"<<" * 1_000 + b">>" * 1_000 + b">>"
    content = hostile.pdf([hostile.CATALOGUE, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page])
    with caplog.at_level(logging.DEBUG, logger="triplewin"):
        assert pdf_problem(content, max_bytes=len(content)) is None
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]
