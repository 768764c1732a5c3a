"""Verification by a pasted hash of the PDF file itself, not of the document's content."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from triplewin.documents import services
from triplewin.documents.models import CertifiedCopy
from triplewin.documents.tests.test_heads_of_terms import fill

pytestmark = pytest.mark.django_db


def test_the_pasted_sha256_of_a_certified_pdf_matches(
    agreement_project: Any, nhs_lead: Any, signatory: Any
) -> None:
    cache.clear()
    fill(agreement_project, nhs_lead)
    version, _ = services.document_generate(
        actor=nhs_lead, project=agreement_project, document="agreement"
    )
    services.document_certify(
        actor=signatory, project=agreement_project, document="agreement", number=1
    )
    file_hash = hashlib.sha256(bytes(CertifiedCopy.objects.get(version=version).pdf)).hexdigest()
    assert file_hash != version.content_hash
    html = Client().post("/documents/verify/", {"digest": file_hash}).content.decode()
    assert "This matches a certified document" in html
    assert agreement_project.title in html
    assert "the PDF file itself" in html
