"""Fixtures for the documents tests: the PID's own fixtures plus reading generated files."""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest
from pypdf import PdfReader

from triplewin.pid.tests.fixtures import (  # noqa: F401
    approved,
    committees,
    complete_pid,
    in_setup,
    nhs_governance,
    signatory,
    submitted,
    wired,
)

HOSTILE = (
    "<script>alert('x')</script> & \"quotes\"\n"
    "مرحبا بالعالم — שלום עולם\n"
    + "Unbroken" * 40
    # PostgreSQL refuses NUL in text, so stored text carries other controls; NUL itself is
    # covered where a document is built in memory (test_control_characters_…).
    + "\nBell\x07 and ESC\x1b are dropped; émojis 🩺 stay."
)


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    # pypdf reads some fonts' ToUnicode maps as UTF-16 and leaves NUL bytes between letters.
    return text.replace("\x00", "")


def docx_paragraphs(content: bytes) -> list[tuple[str, str]]:
    """(style name, text) for every paragraph, including those inside table cells."""
    document = docx.Document(io.BytesIO(content))
    found = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found.extend((p.style.name if p.style else "", p.text) for p in cell.paragraphs)
    return found


@pytest.fixture
def agreement_project(project: Any, nhs_lead: Any, industry_lead: Any) -> Any:
    """A project in set-up, where the agreement can be written."""
    from triplewin.pid.tests import builders

    return builders.to_setup(project, nhs_lead, industry_lead)


@pytest.fixture
def certified(agreement_project: Any, nhs_lead: Any, signatory: Any) -> Any:  # noqa: F811
    """Version 1 of the agreement's heads of terms, certified by Jane Smith for Test Pharma."""
    from triplewin.documents import services
    from triplewin.documents.tests.test_heads_of_terms import fill

    signatory.first_name, signatory.last_name = "Jane", "Smith"
    signatory.save()
    fill(agreement_project, nhs_lead)
    version, _ = services.document_generate(
        actor=nhs_lead, project=agreement_project, document="agreement"
    )
    services.document_certify(
        actor=signatory, project=agreement_project, document="agreement", number=1
    )
    return version
